/** What a metric family's type lets a query name: histograms and summaries are queried through their series. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

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
