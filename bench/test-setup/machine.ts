import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { runChild } from './child-process';

/** The computer and runtime a figure was measured on. */
export interface Host {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
}

export function describeHost(): Host {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
  };
}

export interface Machine extends Host {
  postgres: string;
  pgDump: string;
}

export async function describeMachine(ownerUrl: string, pgDump: string): Promise<Machine> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version').finally(() => client.end());
  const dumpVersion = await runChild(pgDump, ['--version'], { timeoutMs: 10_000 });
  return {
    ...describeHost(),
    postgres: `PostgreSQL ${rows[0].server_version} (embedded, fsync off)`,
    pgDump: `${dumpVersion.stdout.trim()} at ${pgDump}`,
  };
}
