import { Injectable, Logger } from '@nestjs/common';
import { ComponentMetricsError } from './component-metrics.error';
import { counterProblems, type LabelValues } from './component-metrics.rules';
import { MetricsRegistry } from './metrics-registry';

export type { LabelValues } from './component-metrics.rules';

/** What a counter is declared with: its help line and, per label, every value it may take. */
export interface CounterDeclaration<V extends LabelValues> {
  /** One line for whoever reads the metric: what is counted, and what each label value means. */
  help: string;
  labels?: V;
}

/** One declared value per label: `{ outcome: 'succeeded' }`. */
export type LabelsOf<V extends LabelValues> = { readonly [K in keyof V]: V[K][number] };

/** A counter of a component; `inc` takes only the label values declared for it. */
export interface ComponentCounter<V extends LabelValues> {
  /** Adds `by` (default 1) to the series of these label values. */
  inc(...args: keyof V extends never ? [labels?: LabelsOf<V>, by?: number] : [labels: LabelsOf<V>, by?: number]): void;
}

/** The counters of one component (ComponentMetrics.forComponent). */
export interface ComponentMetricsScope {
  /**
   * Declares `<component>_<name>_total` with the label `component` and the
   * declared labels, every combination of their values at 0 from the start
   * (so rate() works from the first scrape). Throws a ComponentMetricsError
   * naming the fix when Prometheus would refuse the name or the label set is
   * not bounded. Declare once, in a provider's constructor.
   */
  counter<const V extends LabelValues = Record<never, never>>(name: string, declaration: CounterDeclaration<V>): ComponentCounter<V>;
}

const NOTHING: ComponentCounter<LabelValues> = { inc: () => undefined };

/**
 * Counters for components, on the app's metrics registry, through the
 * surface: `metrics.forComponent('accounts').counter('sign_ins', { help,
 * labels: { outcome: ['succeeded', 'refused', 'limited'] } })`. Names and
 * labels are checked whether metrics are on or off (a mistake shows in
 * every test); with metrics off (METRICS_PORT unset) a counter's `inc` does
 * nothing. A value outside the declared ones (a cast) is not counted and is
 * logged once per counter and value.
 */
@Injectable()
export class ComponentMetrics {
  private readonly logger = new Logger('Metrics');
  /** The label names of each counter declared so far, to refuse the same name with other labels. */
  private readonly declared = new Map<string, string>();
  private readonly warned = new Set<string>();

  constructor(private readonly metrics: MetricsRegistry) {}

  forComponent(component: string): ComponentMetricsScope {
    return { counter: (name, declaration) => this.counter(component, name, declaration) };
  }

  private counter<V extends LabelValues>(component: string, name: string, { help, labels }: CounterDeclaration<V>): ComponentCounter<V> {
    const values: LabelValues = labels ?? {};
    const metricName = `${component.replace(/-/g, '_')}_${name}_total`;
    const where = `forComponent('${component}').counter('${name}')`;
    const problems = counterProblems(component, name, help, values);
    const signature = JSON.stringify(values);
    if (this.declared.has(metricName) && this.declared.get(metricName) !== signature) {
      problems.push(`${metricName} is declared already with other labels; declare it once (in one provider) and share that provider`);
    }
    if (problems.length > 0) throw new ComponentMetricsError(`${where}: ${problems.join('; ')}`);
    this.declared.set(metricName, signature);
    if (!this.metrics.enabled) return NOTHING;

    const labelNames = Object.keys(values);
    const counter = this.metrics.counter(metricName, { help, labelNames: ['component', ...labelNames] });
    for (const combination of combinations(values)) counter.inc({ component, ...combination }, 0);
    const allowed = new Map(labelNames.map((label) => [label, new Set(values[label])]));
    return {
      inc: (...args: [Record<string, string>?, number?]) => {
        const [given = {}, by = 1] = args;
        if (typeof by !== 'number' || !Number.isFinite(by) || by < 0) {
          // prom-client throws on these; a count must never break the request or job that records it.
          this.warnAmountOnce(metricName);
          return;
        }
        const undeclared = labelNames.find((label) => !allowed.get(label)!.has(given[label]));
        if (undeclared === undefined && Object.keys(given).length === labelNames.length) {
          counter.inc({ component, ...given }, by);
          return;
        }
        this.warnOnce(metricName, undeclared, given, values);
      },
    };
  }

  private warnAmountOnce(metricName: string): void {
    const key = `${metricName} amount`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.logger.warn(
      `${metricName}: inc() got an amount that is negative or not a finite number; not counted. Pass a finite number of 0 or more (a counter only goes up), or leave it out for 1`,
    );
  }

  /** Once per counter and label; the value itself is not logged (a cast may carry anything, an email say). */
  private warnOnce(metricName: string, label: string | undefined, given: Record<string, string>, values: LabelValues): void {
    const what = label === undefined ? `labels {${Object.keys(given).join(', ')}}` : `a value of label ${label}`;
    const key = `${metricName} ${what}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const declared = Object.entries(values).map(([name, list]) => `${name}: ${list.join('|')}`);
    this.logger.warn(
      `${metricName}: inc() got ${what} that was not declared (declared: ${declared.join('; ') || 'no labels'}); not counted. Pass a declared value, or add it to the counter's declaration`,
    );
  }
}

/** Every combination of the declared values: `{ outcome: 'succeeded' }`, `{ outcome: 'refused' }`, ... */
function combinations(values: LabelValues): Record<string, string>[] {
  return Object.entries(values).reduce<Record<string, string>[]>(
    (partial, [label, list]) => partial.flatMap((labels) => list.map((value) => ({ ...labels, [label]: value }))),
    [{}],
  );
}
