import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { migrateJobQueue } from '../../../platform/jobs/queue-migrations';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { startTestServer, TestServer } from '../../../testing/start-test-server';
import { EmbeddedDatabase } from '../../embedded/embedded-cluster';
import { recordEmbeddedDatabase } from '../../runtime/database-origin';
import { PrismaService } from '../../runtime/prisma.service';
import { provisionEmbeddedDatabase } from '../provision-embedded-database';
import { FixtureProject } from './fixture-project';

// `npx prisma migrate reset --force` (docs/database.md: "start the development
// database over") drops the schema public and creates it again, as the owner.
// The app's role must still be able to use it afterwards, on a clone of this
// project (its real components and migrations) with its own embedded cluster.

/**
 * The whole app (AppModule) on the clone's database, as `npm start` would point
 * it there. `npm start` also migrates the job queue schema beside public
 * (runMigrateDeploy), which `prisma migrate reset` does not: done here the same way.
 */
async function startAppOn(cluster: EmbeddedDatabase): Promise<TestServer> {
  await migrateJobQueue(cluster.ownerUrl, queueSchemaFor('public'));
  return withEnvironment({ DATABASE_URL: cluster.runtimeUrl, MIGRATION_DATABASE_URL: cluster.ownerUrl, DATABASE_SCHEMA: 'public' }, () =>
    startTestServer(),
  );
}

async function asOwner<T extends object>(cluster: EmbeddedDatabase, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: cluster.ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const runtimeMayUsePublic = (cluster: EmbeddedDatabase) =>
  asOwner<{ usable: boolean }>(cluster, `SELECT has_schema_privilege('${cluster.state.runtime.name}', 'public', 'USAGE') AS usable`).then(
    (rows) => rows[0].usable,
  );

describe('npx prisma migrate reset --force on the embedded database', () => {
  const project = FixtureProject.cloneOfThisProject();
  let cluster: EmbeddedDatabase | undefined;
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
    project.remove();
  });

  it('leaves a database the app starts on: /health answers 200 and the app reads and writes a component table as the runtime role', async () => {
    const reset = await project.prisma('migrate', 'reset', '--force');
    expect(reset.output).toMatch(/Database reset successful/);
    expect(reset.code).toBe(0);

    // Started as a plain cluster, without the grant npm start restores: the
    // default privilege alone has to carry USAGE over to the new schema.
    cluster = await project.startCluster();
    server = await startAppOn(cluster);
    const health = await fetch(`${server.baseUrl}/health`);
    const email = `reset-${randomBytes(4).toString('hex')}@example.com`;
    await server.prisma.accountsUser.create({ data: { email, displayName: 'After the reset' } });
    const stored = await server.prisma.accountsUser.findUnique({ where: { email }, select: { displayName: true } });

    expect(health.status).toBe(200);
    expect(stored).toEqual({ displayName: 'After the reset' });
    expect(new URL(server.prisma.config.url).username).toBe(cluster.state.runtime.name);
  });

  it('on a cluster made before that default privilege, a reset takes the grant and the next npm start gives it back', async () => {
    await server?.close();
    server = undefined;
    await asOwner(
      cluster!,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${cluster!.state.owner.name} REVOKE USAGE ON SCHEMAS FROM ${cluster!.state.runtime.name}`,
    );
    await cluster!.stop();
    expect((await project.prisma('migrate', 'reset', '--force')).code).toBe(0);
    cluster = await project.startCluster();
    await expect(runtimeMayUsePublic(cluster)).resolves.toBe(false);
    await cluster.stop();

    cluster = await provisionEmbeddedDatabase(() => undefined, { root: project.clusterRoot, compareSchema: false });

    await expect(runtimeMayUsePublic(cluster)).resolves.toBe(true);
    server = await startAppOn(cluster);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });

  it('when the app role still may not use public, the start names the embedded cluster and what to do, not DATABASE_URL', async () => {
    await asOwner(cluster!, `REVOKE USAGE ON SCHEMA public FROM ${cluster!.state.runtime.name}`);
    recordEmbeddedDatabase(project.clusterRoot);
    const prisma = withEnvironment({ DATABASE_URL: cluster!.runtimeUrl, DATABASE_SCHEMA: 'public' }, () => new PrismaService());
    try {
      const error = await prisma.onModuleInit().then(
        () => undefined,
        (failure: unknown) => failure,
      );

      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(
        /^the app's role app_runtime may not use schema "public" of the embedded PostgreSQL in .+\/\.data\/dev \(127\.0\.0\.1:\d+\/app, started because DATABASE_URL is unset\): .*stop the app and start it again \(every start restores the grant\)/,
      );
    } finally {
      await prisma.$disconnect();
    }
  });
});
