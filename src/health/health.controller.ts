import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { ShutdownState } from '../platform/lifecycle/shutdown-state';
import { DatabaseProbe } from './database-probe';
import { MigrationsAppliedIndicator } from './migrations-applied.indicator';

/**
 * Probes for load balancers and orchestrators, always JSON:
 * - `GET /health/live`: the process runs and answers; no database, so a
 *   database outage never gets healthy processes restarted.
 * - `GET /health/ready`: the database answers within a second (on the
 *   probe's own connection, see DatabaseProbe), every
 *   migration of this build is applied, and the process is not stopping;
 *   503 otherwise, naming what is down.
 * - `GET /health`: the same as ready, for existing probes.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly database: DatabaseProbe,
    private readonly migrations: MigrationsAppliedIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @Header('Cache-Control', 'no-store')
  live() {
    return this.health.check([]);
  }

  @Get(['ready', ''])
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) response: Response) {
    const checks: HealthIndicatorFunction[] = [
      () =>
        this.shutdown.stopping
          ? this.indicator.check('process').down({ message: 'shutting down: finishing the requests in progress' })
          : this.indicator.check('process').up(),
      async () => {
        const session = this.indicator.check('database');
        try {
          await this.database.query('SELECT 1');
          return session.up();
        } catch {
          // No driver text in a public answer; the app's own requests log the reason.
          return session.down();
        }
      },
      () => this.migrations.check('migrations'),
    ];
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Terminus reports "not ready" as an exception; answer its report as
      // JSON here rather than as an error page.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }
}
