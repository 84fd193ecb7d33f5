import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { JobHelpers } from 'graphile-worker';
import type { Counter, Histogram } from 'prom-client';
import type { EventEnvelope } from '../events/delivered-event';
import type { EventType } from '../events/event-type';
import { inComponentScope } from '../observability/component-scope';
import { MetricsRegistry } from '../observability/metrics/metrics-registry';
import { ComponentDirectory } from './composed-components';
import { isDeadLettered } from './dead-letter';
import { appQueryRows, JOBS_DATABASE, type JobsDatabase } from './jobs-database';
import { JobsRegistry } from './jobs-registry';
import { installQueueGauges } from './queue-metrics';
import { queueSchemaFor } from './queue-schema';

/** What a task runs, in bounded names: a listener's delivery of `<component>/<event name>`, or a job's or schedule's run. */
export type RunSubject = { kind: 'delivery'; component: string; event: string } | { kind: 'job'; component: string; job: string };

/** A task's run as task-list.ts supervises it. */
export type TaskRun = (payload: unknown, helpers: JobHelpers, signal: AbortSignal) => Promise<void>;

type Outcome = 'succeeded' | 'failed' | 'dead_lettered';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** From publication to delivery: a relay pass and a worker's fetch at best, a retry's backoff or an outage at worst. */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

const seconds = (startedAt: bigint) => Number(process.hrtime.bigint() - startedAt) / 1e9;

/**
 * The metrics of events and jobs (docs/operations.md, "Events and jobs
 * metrics"), on the app's registry; with metrics off (METRICS_PORT unset)
 * nothing is created and every method returns at once. Labels are the
 * registry's names (component, `<component>/<event>`, job or schedule name),
 * never ids or payloads.
 */
@Injectable()
export class JobMetrics {
  readonly enabled: boolean;
  private readonly logger = new Logger('Jobs');
  private recordingFailed = false;
  private readonly published?: Counter<'component' | 'event'>;
  private readonly deliveries?: Counter<'component' | 'event' | 'outcome'>;
  private readonly latency?: Histogram<'component' | 'event'>;
  private readonly runs?: Counter<'component' | 'job_name' | 'outcome'>;
  private readonly durations?: Histogram<'component' | 'job_name'>;

  constructor(
    registry: JobsRegistry,
    directory: ComponentDirectory,
    @Inject(JOBS_DATABASE) database: JobsDatabase,
    @Optional() metrics?: MetricsRegistry,
  ) {
    this.enabled = metrics?.enabled ?? false;
    if (!metrics || !this.enabled) return;
    this.published = metrics.counter('events_published_total', {
      help: 'Events published, by the publishing component and event (<component>/<name>); counted at publish, inside its transaction',
      labelNames: ['component', 'event'],
    });
    this.deliveries = metrics.counter('event_deliveries_total', {
      help: "Event deliveries to listeners, by the listener's component, event and outcome (delivered, failed and retried later, dead_lettered)",
      labelNames: ['component', 'event', 'outcome'],
    });
    this.latency = metrics.histogram('event_delivery_latency_seconds', {
      help: "Seconds from an event's publication to its successful delivery, by the listener's component and event",
      labelNames: ['component', 'event'],
      buckets: LATENCY_BUCKETS,
    });
    this.runs = metrics.counter('jobs_runs_total', {
      help: 'Runs of jobs and schedules, by component, job (or schedule) name and outcome (succeeded, failed and retried later, dead_lettered)',
      labelNames: ['component', 'job_name', 'outcome'],
    });
    this.durations = metrics.histogram('job_run_duration_seconds', {
      help: 'Seconds a job or schedule run took (whatever its outcome), by component and job (or schedule) name',
      labelNames: ['component', 'job_name'],
      buckets: DURATION_BUCKETS,
    });
    installQueueGauges(metrics, appQueryRows(database), queueSchemaFor(database.config.schema), { registry, directory }, this.logger);
  }

  /** One publication of `type` (EventPublisher.publish, once its outbox row is written). */
  eventPublished(type: EventType<unknown>): void {
    this.published?.inc({ component: type.component, event: `${type.component}/${type.name}` });
  }

  /**
   * `run` in the component scope of its subject (its logs and SQL are that
   * component's) and, with metrics on, counted and timed. A run abandoned at
   * shutdown (`signal` aborted) is not counted: it runs again.
   */
  observedRun(subject: RunSubject, run: TaskRun): TaskRun {
    const scoped: TaskRun = (payload, helpers, signal) =>
      inComponentScope({ component: subject.component }, () => run(payload, helpers, signal));
    if (!this.enabled) return scoped;
    return async (payload, helpers, signal) => {
      const startedAt = process.hrtime.bigint();
      try {
        await scoped(payload, helpers, signal);
      } catch (error) {
        if (!signal.aborted) this.finished(subject, isDeadLettered(helpers.job) ? 'dead_lettered' : 'failed', startedAt, payload);
        throw error;
      }
      this.finished(subject, 'succeeded', startedAt, payload);
    };
  }

  /**
   * Records a finished run; never throws: a failure to count must not turn a
   * successful run into a failed one (and a retry). Logged once.
   */
  private finished(subject: RunSubject, outcome: Outcome, startedAt: bigint, payload: unknown): void {
    try {
      this.record(subject, outcome, startedAt, payload);
    } catch (error) {
      if (this.recordingFailed) return;
      this.recordingFailed = true;
      const reason = String((error as Error)?.message ?? error).split('\n')[0];
      this.logger.warn(
        `recording a run of ${subject.component}/${subject.kind === 'job' ? subject.job : subject.event} in the events and jobs metrics failed (${reason}); the run itself is unaffected. Further failures are not logged; please report this as a bug`,
      );
    }
  }

  private record(subject: RunSubject, outcome: Outcome, startedAt: bigint, payload: unknown): void {
    if (subject.kind === 'job') {
      // `job_name`, not `job`: Prometheus gives every scraped series a `job` label of its own (the scrape job).
      const labels = { component: subject.component, job_name: subject.job };
      this.runs!.inc({ ...labels, outcome });
      this.durations!.observe(labels, seconds(startedAt));
      return;
    }
    const labels = { component: subject.component, event: subject.event };
    this.deliveries!.inc({ ...labels, outcome: outcome === 'succeeded' ? 'delivered' : outcome });
    if (outcome !== 'succeeded') return;
    const publishedAt = Date.parse((payload as EventEnvelope).publishedAt);
    // Clocks of two instances may disagree by a little: a negative latency is 0, not a lie.
    if (Number.isFinite(publishedAt)) this.latency!.observe(labels, Math.max(0, (Date.now() - publishedAt) / 1000));
  }
}
