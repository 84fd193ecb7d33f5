// Observability for components: counters of what a component does (sign-ins
// by outcome, say). Its logs, SQL and spans carry its component by
// themselves; log with Nest's Logger. See docs/guides/observability.md.
export {
  type ComponentCounter,
  ComponentMetrics,
  type ComponentMetricsScope,
  type CounterDeclaration,
  type LabelsOf,
  type LabelValues,
} from '../platform/observability/metrics/component-metrics';
export { ComponentMetricsError } from '../platform/observability/metrics/component-metrics.error';
