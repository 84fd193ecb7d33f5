import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { runChild } from './child-process';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  postgres: string;
  pgDump: string;
}

export async function describeMachine(ownerUrl: string, pgDump: string): Promise<Machine> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version').finally(() => client.end());
  const dumpVersion = await runChild(pgDump, ['--version'], { timeoutMs: 10_000 });
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    postgres: `PostgreSQL ${rows[0].server_version} (embedded, fsync off)`,
    pgDump: `${dumpVersion.stdout.trim()} at ${pgDump}`,
  };
}
