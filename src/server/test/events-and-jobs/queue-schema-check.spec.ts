import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { PrismaService } from '../../../database/runtime/prisma.service';
import type { TestingModule } from '@nestjs/testing';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { checkQueueSchema, REQUIRED_QUEUE_MIGRATION } from '../../../platform/jobs/queue-migrations';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';

let moduleRef: TestingModule;
let prisma: PrismaService;
const query = <T>(text: string, values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);

beforeAll(async () => {
  moduleRef = await createDatabaseTestingModule();
  prisma = moduleRef.get(PrismaService);
});

afterAll(async () => {
  await moduleRef?.close();
});

describe('the startup check of the job queue schema', () => {
  it("passes for this worker's queue schema, built by the test setup", async () => {
    await expect(checkQueueSchema(query, queueSchemaFor(prisma.config.schema), 'here')).resolves.toBeUndefined();
  });

  it('refuses a missing queue schema, saying where and how to migrate it', async () => {
    const check = checkQueueSchema(query, 'test_nowhere_jobs', '127.0.0.1:5432/app');

    await expect(check).rejects.toThrow(ConfigurationError);
    await expect(check).rejects.toThrow(
      'the job queue schema test_nowhere_jobs is missing in 127.0.0.1:5432/app; run the migrations: `npm start` does it, in production `npm run jobs -- migrate` with MIGRATION_DATABASE_URL set',
    );
  });

  it('refuses a queue schema at the right migration but without the event outbox table, saying how to migrate it', async () => {
    // This worker's real queue schema, as seen by a check that finds no event_outbox table in it (graphile-worker's
    // migrations alone, as before the outbox): the runtime role the tests connect as may not drop the table.
    const withoutOutbox = <T>(text: string, values: unknown[]) =>
      text.includes('to_regclass') && values.includes('event_outbox')
        ? Promise.resolve([{ outbox: false }] as T[])
        : query<T>(text, values);

    await expect(checkQueueSchema(withoutOutbox, queueSchemaFor(prisma.config.schema), '127.0.0.1:5432/app')).rejects.toThrow(
      `the job queue schema ${queueSchemaFor(prisma.config.schema)} has no event_outbox table (the event outbox) in 127.0.0.1:5432/app; run the migrations: \`npm start\` does it, in production \`npm run jobs -- migrate\` with MIGRATION_DATABASE_URL set`,
    );
  });

  it('knows the schema revision graphile-worker 0.17.3 needs', () => {
    expect(REQUIRED_QUEUE_MIGRATION).toBe(19);
  });
});
