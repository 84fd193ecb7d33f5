import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * prom-client 15.1.3's default metrics that `promtool check metrics` refuses
 * ("non-counter metrics should not have _total suffix"): gauges of the
 * active handles, requests and resources. Their per-type gauges
 * (`nodejs_active_handles{type}`, ...) stay, and sum to the same numbers.
 */
const LINTED_OUT = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

let processRegistry: Registry | undefined;

/**
 * The process metrics (CPU, memory, event loop lag, GC, handles), collected
 * once per process into a registry of their own: collectDefaultMetrics
 * starts a GC PerformanceObserver and an event loop delay monitor that are
 * never stopped, so one per app would pile up in a process that builds many
 * apps (tests). Every app with metrics on merges it into its exposition.
 */
export function processMetricsRegistry(): Registry {
  if (processRegistry) return processRegistry;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of LINTED_OUT) registry.removeSingleMetric(name);
  processRegistry = registry;
  return registry;
}
