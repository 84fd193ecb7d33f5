import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricsSettings } from './metrics-settings';
import { processMetricsRegistry } from './process-metrics';

export const METRICS_SETTINGS = Symbol('METRICS_SETTINGS');

type Labels<L extends string> = readonly L[];

/** What a metric takes: its help line and its label names (each with a bounded set of values). */
export interface MetricDefinition<L extends string> {
  help: string;
  labelNames?: Labels<L>;
}

/**
 * The app's metrics, in a registry of its own (not prom-client's global one,
 * so two apps in one process, as in tests, never share series). Metrics are
 * created once by name and shared by whoever asks for them again. With
 * METRICS_PORT unset `enabled` is false: callers skip recording (and their
 * hooks) entirely, so metrics off cost nothing.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly enabled: boolean;

  constructor(@Inject(METRICS_SETTINGS) readonly settings: MetricsSettings) {
    this.enabled = settings.port !== undefined;
  }

  counter<L extends string>(name: string, definition: MetricDefinition<L>): Counter<L> {
    return (
      this.existing<Counter<L>>(name) ??
      new Counter({ name, ...definition, labelNames: definition.labelNames ?? [], registers: [this.registry] })
    );
  }

  gauge<L extends string>(
    name: string,
    definition: MetricDefinition<L> & { collect?: (this: Gauge<L>) => void | Promise<void> },
  ): Gauge<L> {
    return (
      this.existing<Gauge<L>>(name) ??
      new Gauge({ name, ...definition, labelNames: definition.labelNames ?? [], registers: [this.registry] })
    );
  }

  histogram<L extends string>(name: string, definition: MetricDefinition<L> & { buckets: number[] }): Histogram<L> {
    return (
      this.existing<Histogram<L>>(name) ??
      new Histogram({ name, ...definition, labelNames: definition.labelNames ?? [], registers: [this.registry] })
    );
  }

  /** The Prometheus text exposition of every metric, the process-wide process metrics included (none with metrics off). */
  exposition(): Promise<string> {
    if (!this.enabled) return this.registry.metrics();
    return Registry.merge([this.registry, processMetricsRegistry()]).metrics();
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
