import type { Logger } from '@nestjs/common';
import type { MetricsRegistry } from '../observability/metrics/metrics-registry';
import { PLATFORM_COMPONENT } from '../observability/component-scope';
import { readQueueStatus, type TaskStatus } from './cli/queue-status';
import type { ComponentDirectory } from './composed-components';
import type { QueryRows } from './jobs-database';
import type { JobsRegistry } from './jobs-registry';

/** The component of jobs whose task no composed component registers (a removed listener's, a test probe's). */
export const UNREGISTERED_TASKS = 'unregistered';

interface ComponentQueue {
  depth: number;
  oldestAgeSeconds: number;
  deadLetters: number;
}

/**
 * How long a scrape waits for the queue read. The read alone may take the
 * connect timeout plus the statement timeout (~15 s), beyond Prometheus's
 * default 10 s scrape timeout: a slow database would fail the whole scrape,
 * pool gauges included, exactly when they are needed. Past this bound the
 * three queue gauges are left out of that scrape instead.
 */
export const QUEUE_READ_BOUND_MS = 2_000;

/** `event:<component>.<Provider>.<method>`, `job:<component>.<name>`, `schedule:<component>.<name>`. */
const TASK_COMPONENT = /^(?:event|job|schedule):([a-z][a-z0-9-]*)\./;

/**
 * jobs_queue_depth, jobs_queue_oldest_age_seconds and jobs_dead_letters by
 * component, read when scraped: one query (the status command's,
 * readQueueStatus) for the three, on the app's connection (so under its
 * statement timeout). Every composed component (and `platform`) has its
 * three series, 0 when it has no jobs. A read that fails leaves the three
 * out of that scrape (the rest of it succeeds) and logs one warning, until
 * a read works again.
 */
export function installQueueGauges(
  metrics: MetricsRegistry,
  query: QueryRows,
  schema: string,
  jobs: { registry: JobsRegistry; directory: ComponentDirectory },
  logger: Logger,
  boundMs = QUEUE_READ_BOUND_MS,
): void {
  let reading: Promise<Map<string, ComponentQueue> | undefined> | undefined;
  // A query that lost the race to the bound goes on until the statement timeout: later scrapes wait for it
  // instead of starting another, so a slow database never holds more than one connection for metrics.
  let querying: Promise<TaskStatus[]> | undefined;
  let failing = false;

  async function read(): Promise<Map<string, ComponentQueue> | undefined> {
    let rows: TaskStatus[];
    try {
      querying ??= readQueueStatus(query, schema).finally(() => (querying = undefined));
      rows = await withinBound(querying, boundMs);
    } catch (error) {
      if (!failing) {
        const reason = String((error as Error)?.message ?? error)
          .split('\n')
          .filter(Boolean)
          .pop();
        logger.warn(
          `cannot read the job queue ${schema} for /metrics (${reason}); jobs_queue_depth, jobs_queue_oldest_age_seconds and jobs_dead_letters are left out until it can. Check that PostgreSQL is up; \`npm run jobs -- status\` reads the queue by itself`,
        );
      }
      failing = true;
      return undefined;
    }
    if (failing) logger.log(`the job queue ${schema} can be read for /metrics again`);
    failing = false;
    return byComponent(rows, jobs);
  }

  /** The three gauges are collected together (prom-client asks each in one pass): they share one read. */
  const shared = () => (reading ??= read().finally(() => (reading = undefined)));

  const gauge = (name: string, help: string, value: (queue: ComponentQueue) => number) =>
    metrics.gauge(name, {
      help,
      labelNames: ['component'],
      async collect() {
        const queues = await shared();
        this.reset();
        for (const [component, queue] of queues ?? []) this.set({ component }, value(queue));
      },
    });
  gauge('jobs_queue_depth', 'Jobs due now and not running (deliveries, jobs, schedule runs), by component', (queue) => queue.depth);
  gauge(
    'jobs_queue_oldest_age_seconds',
    'How long the longest-waiting due job has waited, by component (0 when none is due)',
    (queue) => queue.oldestAgeSeconds,
  );
  gauge(
    'jobs_dead_letters',
    'Jobs that used up their attempts and wait for `npm run jobs -- retry`, by component',
    (queue) => queue.deadLetters,
  );
}

/** `work`, or a rejection once `ms` have passed (the work itself goes on and its outcome is dropped). */
async function withinBound<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, bound]);
  } finally {
    clearTimeout(timer);
  }
}

function byComponent(rows: TaskStatus[], { registry, directory }: { registry: JobsRegistry; directory: ComponentDirectory }) {
  const known = new Set([PLATFORM_COMPONENT, ...directory.components.map((component) => component.meta.id)]);
  const owner = new Map<string, string>([
    ...registry.listeners.map((listener) => [listener.task, listener.component] as const),
    ...registry.jobs.map((handler) => [handler.task, handler.job.component] as const),
    ...registry.schedules.map((schedule) => [schedule.task, schedule.component] as const),
  ]);
  const componentOf = (task: string) => {
    const registered = owner.get(task);
    if (registered) return registered;
    const named = TASK_COMPONENT.exec(task)?.[1];
    return named && known.has(named) ? named : UNREGISTERED_TASKS;
  };
  const queues = new Map([...known].map((component) => [component, { depth: 0, oldestAgeSeconds: 0, deadLetters: 0 }]));
  for (const row of rows) {
    const component = componentOf(row.task);
    const queue = queues.get(component) ?? { depth: 0, oldestAgeSeconds: 0, deadLetters: 0 };
    queue.depth += row.due;
    queue.deadLetters += row.dead;
    queue.oldestAgeSeconds = Math.max(queue.oldestAgeSeconds, row.oldestDueSeconds ?? 0);
    queues.set(component, queue);
  }
  return queues;
}
