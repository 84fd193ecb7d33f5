import { Global, Module } from '@nestjs/common';
import { EventPublisher } from '../events/event-publisher';
import { ComponentDirectory } from './composed-components';
import { JobMetrics } from './job-metrics';
import { JobQueue } from './job-queue';
import { JobRunnerService } from './job-runner.service';
import { JOBS_CONFIG, readJobsConfig } from './jobs-config';
import { JobsRegistry } from './jobs-registry';
import { QUEUE_WATCH_ON_TIMER, QueueWatchService } from './queue-watch.service';

/**
 * Events, jobs and schedules (docs/architecture.md, "Events and jobs"):
 * EventPublisher and JobQueue for every component; the registry of their
 * listeners and handlers; this instance's runner; the watch that logs a
 * stuck queue.
 */
@Global()
@Module({
  providers: [
    { provide: JOBS_CONFIG, useFactory: () => readJobsConfig(process.env) },
    ComponentDirectory,
    JobsRegistry,
    JobMetrics,
    EventPublisher,
    JobQueue,
    JobRunnerService,
    { provide: QUEUE_WATCH_ON_TIMER, useValue: true },
    QueueWatchService,
  ],
  exports: [EventPublisher, JobQueue, ComponentDirectory, JobsRegistry, JobMetrics, JOBS_CONFIG],
})
export class JobsModule {}
