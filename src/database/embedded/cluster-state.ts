import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** What `<root>/cluster.json` keeps between starts. Only this process's user can read it. */
export interface ClusterState {
  port: number;
  database: string;
  superuser: { name: string; password: string };
  owner: { name: string; password: string };
  runtime: { name: string; password: string };
  /** Set once roles and database exist; a cluster without it is an interrupted first start. */
  ready: boolean;
}

export function newClusterState(port: number): ClusterState {
  const secret = () => randomBytes(18).toString('base64url');
  return {
    port,
    database: 'app',
    superuser: { name: 'postgres', password: secret() },
    owner: { name: 'app_owner', password: secret() },
    runtime: { name: 'app_runtime', password: secret() },
    ready: false,
  };
}

export function readClusterState(file: string): ClusterState | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writeClusterState(file: string, state: ClusterState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function connectionUrl(state: ClusterState, role: { name: string; password: string }, database = state.database): string {
  return `postgresql://${role.name}:${encodeURIComponent(role.password)}@127.0.0.1:${state.port}/${database}`;
}
