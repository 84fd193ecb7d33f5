import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorFunction, HealthIndicatorService, PrismaHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { PrismaService } from '../database/runtime/prisma.service';
import { ShutdownState } from '../platform/lifecycle/shutdown-state';
import { MigrationsAppliedIndicator } from './migrations-applied.indicator';

/** How long readiness waits for the database: well below a load balancer's probe timeout. */
const DATABASE_PROBE_TIMEOUT_MS = 1000;

/**
 * Probes for load balancers and orchestrators, always JSON:
 * - `GET /health/live`: the process runs and answers; no database, so a
 *   database outage never gets healthy processes restarted.
 * - `GET /health/ready`: the database answers within a second, every
 *   migration of this build is applied, and the process is not stopping;
 *   503 otherwise, naming what is down.
 * - `GET /health`: the same as ready, for existing probes.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
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
      () => this.prismaIndicator.pingCheck('database', this.prisma, { timeout: DATABASE_PROBE_TIMEOUT_MS }),
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
