import type { INestApplication } from '@nestjs/common';
import parsePrometheusTextFormat, { type PrometheusSample } from 'parse-prometheus-text-format';
import { MetricsRegistry } from '../../platform/observability/metrics/metrics-registry';

/** One scrape of an app's metrics, parsed by a maintained parser (so the exposition is valid too). */
export interface Scrape {
  /** The series of a counter or gauge, each with its labels; a histogram's `_bucket`, `_sum`, `_count`; [] when absent. */
  series(name: string): PrometheusSample[];
  /** The value of the series with exactly these labels (a histogram: its `_count`); undefined when absent. */
  value(name: string, labels: Record<string, string>): number | undefined;
}

const sameLabels = (a: Record<string, string> = {}, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([key, value]) => a[key] === value);

/**
 * Scrapes the app's registry as the /metrics endpoint does (its exposition,
 * without the HTTP around it): the app must run with METRICS_PORT set. The
 * parser (1.1.1) folds a histogram's labelled series into one sample, so
 * each histogram is read a second time without its TYPE line: its
 * `_bucket`, `_sum` and `_count` series then come as plain series with their labels.
 */
export async function scrape(app: INestApplication): Promise<Scrape> {
  const text = await app.get(MetricsRegistry).exposition();
  const families = parsePrometheusTextFormat(text);
  const histograms = new Set(families.filter((family) => family.type === 'HISTOGRAM').map((family) => family.name));
  const untyped = parsePrometheusTextFormat(text.replace(/^# TYPE \S+ histogram\n/gm, ''));
  const metricsOf = (parsed: typeof families, name: string) => parsed.find((family) => family.name === name)?.metrics ?? [];
  const series = (name: string) =>
    histograms.has(name) ? ['bucket', 'sum', 'count'].flatMap((part) => metricsOf(untyped, `${name}_${part}`)) : metricsOf(families, name);
  return {
    series,
    value(name, labels) {
      const source = histograms.has(name) ? metricsOf(untyped, `${name}_count`) : metricsOf(families, name);
      const raw = source.find((candidate) => sameLabels(candidate.labels, labels))?.value;
      return raw === undefined ? undefined : Number(raw);
    },
  };
}
