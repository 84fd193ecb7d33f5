/** What a metric family's type lets a query name: histograms and summaries are queried through their series. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/**
 * The metric families docs/DESIGN of issue 24 fixes (the names every branch
 * records under), with prom-client's default process metrics the dashboard
 * reads. The dashboard and the alert rules may use only these until the
 * running app exposes them all; then the spec checks against the live
 * exposition instead (CHECK_AGAINST_RUNNING_APP in grafana-dashboard.spec.ts).
 */
export const ISSUE_24_METRICS: Readonly<Record<string, MetricType>> = {
  http_server_request_duration_seconds: 'histogram',
  db_query_duration_seconds: 'histogram',
  db_pool_connections: 'gauge',
  db_pool_waiting_clients: 'gauge',
  db_pool_max_connections: 'gauge',
  events_published_total: 'counter',
  event_deliveries_total: 'counter',
  event_delivery_latency_seconds: 'histogram',
  jobs_runs_total: 'counter',
  job_run_duration_seconds: 'histogram',
  jobs_queue_depth: 'gauge',
  jobs_queue_oldest_age_seconds: 'gauge',
  jobs_dead_letters: 'gauge',
  nodejs_eventloop_lag_p99_seconds: 'gauge',
  process_resident_memory_bytes: 'gauge',
};

const SERIES_SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/** Every series name a query may use for these families (`x_bucket`, `x_sum`, `x_count` for a histogram `x`). */
export function queryableNames(families: Readonly<Record<string, MetricType>>): Set<string> {
  return new Set(Object.entries(families).flatMap(([name, type]) => SERIES_SUFFIXES[type].map((suffix) => name + suffix)));
}

/** The families of a Prometheus text exposition, from its `# TYPE` lines. */
export function familiesOf(exposition: string): Record<string, MetricType> {
  const families: Record<string, MetricType> = {};
  for (const match of exposition.matchAll(/^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/gm)) {
    families[match[1]] = match[2] as MetricType;
  }
  return families;
}
