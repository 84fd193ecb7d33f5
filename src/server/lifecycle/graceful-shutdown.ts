import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState } from '../../platform/lifecycle/shutdown-state';
import { ConnectionDrain, DrainResult } from './connection-drain';

const drains = new WeakMap<INestApplication, ConnectionDrain>();

export { readShutdownTimeout } from '../../platform/lifecycle/shutdown-timeout';

/** Called by configureApp: from now on the app's server can be drained. */
export function watchConnections(app: INestApplication): void {
  drains.set(app, new ConnectionDrain(app.getHttpServer() as Server, app.get(ShutdownState)));
}

/**
 * The order of a graceful stop: readiness turns 503 and the server stops
 * accepting connections; requests in progress finish (at most `timeoutMs`);
 * only then does Nest run the modules' shutdown hooks, where PrismaService
 * disconnects (onApplicationShutdown). Nest's own `app.close()` runs
 * onModuleDestroy hooks before it closes the server, which is why the drain
 * comes first. The job runner does not wait for the drain: it hears of the
 * stop from ShutdownState when the drain begins and stops in parallel, by the
 * same deadline (JobRunnerService).
 */
export async function closeGracefully(app: INestApplication, timeoutMs: number): Promise<DrainResult> {
  const drain = drains.get(app);
  const result = drain ? await drain.drain(timeoutMs) : { cut: 0 };
  await app.close();
  return result;
}
