import { Prisma } from '@prisma/client';
import type { Histogram } from 'prom-client';
import { currentComponent } from '../../platform/observability/component-scope';
import type { MetricsRegistry } from '../../platform/observability/metrics/metrics-registry';
import { SqlStatementLabeller } from './sql-statement-labels';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * `db_query_duration_seconds{component, model, action}`, from Prisma's
 * `query` events (QueryMonitor.observe). The event arrives in the async
 * context of the code that awaited the statement, so currentComponent() is
 * the component whose request, job or listener ran it.
 */
export class QueryMetrics {
  private readonly durations: Histogram<'component' | 'model' | 'action'>;
  private readonly labeller = SqlStatementLabeller.forModels(Prisma.dmmf.datamodel.models);

  constructor(metrics: MetricsRegistry) {
    this.durations = metrics.histogram('db_query_duration_seconds', {
      help: 'Duration of one SQL statement as Prisma reports it, by the component that ran it, the Prisma model of its first table and its verb',
      labelNames: ['component', 'model', 'action'] as const,
      buckets: BUCKETS,
    });
  }

  /** Undefined when metrics are off: then nothing asks for query events on their account. */
  static of(metrics: MetricsRegistry | undefined): QueryMetrics | undefined {
    return metrics?.enabled ? new QueryMetrics(metrics) : undefined;
  }

  observe(event: Prisma.QueryEvent): void {
    const { model, action } = this.labeller.labelsOf(event.query);
    this.durations.observe({ component: currentComponent(), model, action }, event.duration / 1000);
  }
}
