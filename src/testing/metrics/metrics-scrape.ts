import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';

/** One line of the exposition: `name{labels} value`. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * One scrape of a metrics endpoint, parsed with parse-prometheus-text-format
 * (which throws on a line that is not valid text format).
 *
 * That parser merges all series of a labelled histogram into one and drops
 * their labels (its flattenMetrics keeps only `le`), so the samples are read
 * from a second parse in which histograms are declared untyped: then every
 * `_bucket`, `_sum` and `_count` line is a sample with its own labels.
 */
export class MetricsScrape {
  /** The metric families with their declared types, as the parser read them. */
  readonly families: ParsedFamily[];
  /** Every sample line, histograms' bucket, sum and count lines included. */
  readonly samples: MetricSample[];

  constructor(readonly text: string) {
    this.families = parsePrometheusTextFormat(text);
    this.samples = parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped')).flatMap((family) =>
      family.metrics.map((sample) => ({ name: family.name, labels: sample.labels ?? {}, value: Number(sample.value) })),
    );
  }

  typeOf(name: string): ParsedFamily['type'] | undefined {
    return this.families.find((family) => family.name === name)?.type;
  }

  /** The samples named `name` whose labels include `labels`. */
  find(name: string, labels: Record<string, string> = {}): MetricSample[] {
    return this.samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
  }

  /** The label sets of a histogram (one per `_count` line), e.g. every {component, route, method, status_class} seen. */
  histogramSeries(name: string, labels: Record<string, string> = {}): Record<string, string>[] {
    return this.find(`${name}_count`, labels).map((sample) => sample.labels);
  }
}
