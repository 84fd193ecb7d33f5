// parse-prometheus-text-format 1.1.1 ships no types: what the tests read of its output (prom2json's shape).
declare module 'parse-prometheus-text-format' {
  /** One series: `value` for counters and gauges; `buckets`, `count`, `sum` for histograms. Numbers as written. */
  export interface PrometheusSample {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }

  export interface PrometheusFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: PrometheusSample[];
  }

  /** Parses a text exposition; throws on a line it cannot read. */
  function parsePrometheusTextFormat(text: string): PrometheusFamily[];
  export default parsePrometheusTextFormat;
}
