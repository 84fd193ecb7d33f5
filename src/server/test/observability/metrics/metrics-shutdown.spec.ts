import { PrismaService } from '../../../../database/runtime/prisma.service';
import { metricsUrlOf } from '../../../../testing/metrics/scrape-metrics';
import { startMetricsTestServer } from '../../../../testing/metrics/start-metrics-test-server';

// The metrics endpoint closes before the app's database connections do: a
// scrape during the stop would otherwise read the job queue on a closing
// connection and log a spurious "cannot read the job queue".

describe('the metrics endpoint during the stop', () => {
  it('no longer answers by the time the app disconnects from the database', async () => {
    const server = await startMetricsTestServer();
    const url = metricsUrlOf(server.app);
    const prisma = server.app.get(PrismaService);
    const disconnect = prisma.onApplicationShutdown.bind(prisma);
    let scrapeAtDisconnect: string | undefined;
    prisma.onApplicationShutdown = async () => {
      scrapeAtDisconnect = await fetch(url).then(
        (response) => `answered ${response.status}`,
        () => 'refused',
      );
      await disconnect();
    };

    expect((await fetch(url)).status).toBe(200);
    await server.close();

    expect(scrapeAtDisconnect).toBe('refused');
  });
});
