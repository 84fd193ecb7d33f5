import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { PrismaService } from '../prisma.service';

// PrismaService checks at startup that DATABASE_SCHEMA can be used, so a wrong
// setting stops the process with one line instead of failing every request.
describe('PrismaService at startup', () => {
  const schemaBefore = process.env.DATABASE_SCHEMA;
  let owner: Client;

  beforeAll(async () => {
    owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
  });

  afterAll(async () => {
    process.env.DATABASE_SCHEMA = schemaBefore;
    await owner.end();
  });

  /** Starts a PrismaService configured with DATABASE_SCHEMA=schema; resolves with what onModuleInit threw. */
  async function startupErrorWith(schema: string): Promise<unknown> {
    process.env.DATABASE_SCHEMA = schema;
    const prisma = new PrismaService();
    process.env.DATABASE_SCHEMA = schemaBefore;
    try {
      await prisma.onModuleInit();
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await prisma.$disconnect();
    }
  }

  it('starts on the schema it was given', async () => {
    expect(await startupErrorWith(schemaBefore!)).toBeUndefined();
  });

  it('refuses a DATABASE_SCHEMA that does not exist, saying what to do', async () => {
    const error = await startupErrorWith(`missing_${randomBytes(4).toString('hex')}`);

    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      /^the database 127\.0\.0\.1:\d+\/\w+ has no schema "missing_\w+" \(DATABASE_SCHEMA\); remove DATABASE_SCHEMA to use public/,
    );
  });

  it('refuses a schema the runtime role may not use, naming the grant', async () => {
    const schema = `locked_${randomBytes(4).toString('hex')}`;
    // The owner's default privileges give the runtime role USAGE on every schema it creates (src/database/embedded/cluster-roles.ts).
    const runtimeRole = decodeURIComponent(new URL(process.env.DATABASE_URL!).username);
    await owner.query(`CREATE SCHEMA ${schema}; REVOKE USAGE ON SCHEMA ${schema} FROM ${owner.escapeIdentifier(runtimeRole)}`);
    try {
      const error = await startupErrorWith(schema);

      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(`the role of DATABASE_URL may not use schema "${schema}"`);
      expect((error as Error).message).toContain(`GRANT USAGE ON SCHEMA ${schema}`);
    } finally {
      await owner.query(`DROP SCHEMA ${schema}`);
    }
  });
});
