import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { QueueSubject, WorkerSettings } from './queue-subject';

/** pg-boss refuses a polling interval below half a second. */
export const PG_BOSS_POLLING_INTERVAL_S = 0.5;
/** Jobs per fetch with batching; without, one (its default). */
export const PG_BOSS_BATCH_SIZE = 50;
const QUEUE = 'noop';

/**
 * pg-boss used directly: `send` and `insert`, `work` with a no-op handler
 * polling at its minimum interval, in a schema of its own that is dropped
 * and created anew. Concurrency is the number of `work` calls (each one
 * polling loop); pg-boss 10 has no other.
 */
export class PgBossSubject implements QueueSubject {
  readonly name: string;

  private constructor(
    private readonly boss: PgBoss,
    private readonly connectionString: string,
    private readonly schema: string,
    version: string,
  ) {
    this.name = `pg-boss ${version}`;
  }

  static async create(connectionString: string, schema: string, log: (line: string) => void): Promise<PgBossSubject> {
    await dropSchema(connectionString, schema);
    const boss = new PgBoss({ connectionString, schema });
    boss.on('error', (error) => log(`pg-boss: ${error.message}`));
    await boss.start();
    await boss.createQueue(QUEUE);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed version, for the tables
    const { version } = require('pg-boss/package.json') as { version: string };
    return new PgBossSubject(boss, connectionString, schema, version);
  }

  async enqueueOne(seq: number): Promise<void> {
    await this.boss.send(QUEUE, { seq });
  }

  async enqueueBatch(seqs: readonly number[]): Promise<void> {
    await this.boss.insert(seqs.map((seq) => ({ name: QUEUE, data: { seq } })));
  }

  async startWorkers(settings: WorkerSettings, onStart: (seq: number) => void): Promise<() => Promise<void>> {
    const options = {
      pollingIntervalSeconds: PG_BOSS_POLLING_INTERVAL_S,
      batchSize: settings.variant === 'batching' ? PG_BOSS_BATCH_SIZE : 1,
    };
    for (let i = 0; i < settings.concurrency; i++) {
      await this.boss.work<{ seq: number }>(QUEUE, options, (jobs) => {
        for (const job of jobs) onStart(job.data.seq);
        return Promise.resolve();
      });
    }
    return async () => {
      await this.boss.offWork(QUEUE);
      // offWork does not wait for the polling loops: give a fetch in flight time to end before the queue is cleared.
      await sleep(PG_BOSS_POLLING_INTERVAL_S * 1000 + 200);
    };
  }

  async clear(): Promise<void> {
    await this.boss.getDb().executeSql(`DELETE FROM ${this.schema}.job WHERE name = $1`, [QUEUE]);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
    await dropSchema(this.connectionString, this.schema);
  }
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
