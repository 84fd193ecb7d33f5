import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { DatabaseModule } from '../../database/runtime/database.module';
import { PrismaService } from '../../database/runtime/prisma.service';
import { HealthModule } from '../health.module';

async function startApp(override?: PrismaClient): Promise<{ app: INestApplication; url: string }> {
  let builder = Test.createTestingModule({ imports: [DatabaseModule, HealthModule] });
  if (override) builder = builder.overrideProvider(PrismaService).useValue(override);
  const app = (await builder.compile()).createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `${await app.getUrl()}/health` };
}

describe('GET /health', () => {
  it('answers 200 with the database up when PostgreSQL answers', async () => {
    const { app, url } = await startApp();
    try {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });

  it('answers 503 with the database down when PostgreSQL cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused.
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: 'postgresql://nobody:none@127.0.0.1:1/none', connectionTimeoutMillis: 1000 }),
    });
    const { app, url } = await startApp(unreachable);
    try {
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    } finally {
      await app.close();
      await unreachable.$disconnect();
    }
  });
});
