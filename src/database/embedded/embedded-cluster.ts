import { spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../process/run-command';
import { createRolesAndDatabase } from './cluster-roles';
import { ClusterState, connectionUrl, newClusterState, readClusterState, writeClusterState } from './cluster-state';
import { resolvePostgresBinaries, PostgresBinaries } from './embedded-binaries';
import { findFreePort, isPortFree } from './free-port';
import { postgresRunAs, RunAs } from './os-user';

export interface EmbeddedClusterOptions {
  /** Folder that holds the cluster: `postgres/` (data), `log/`, `cluster.json`. */
  root: string;
  /**
   * `durable` for application data; `disposable` turns off fsync and
   * full-page writes, which makes the DDL-heavy test setup several times
   * faster and is only acceptable for data that can be rebuilt.
   */
  durability: 'durable' | 'disposable';
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  state: ClusterState;
  /** Owner role: migrations and DDL. */
  ownerUrl: string;
  /** Runtime role: SELECT/INSERT/UPDATE/DELETE only. */
  runtimeUrl: string;
  /** Superuser, for provisioning only. */
  superuserUrl: string;
  /** False when another process had already started this cluster; then it is theirs to stop. */
  startedHere: boolean;
  /**
   * True from the cluster's initialisation until {@link settle} is called:
   * first-use work (seeding example data) runs once, even when the first
   * start that created the cluster was a Prisma CLI command.
   */
  isNew: boolean;
  /** Ends {@link isNew} for good. */
  settle(): void;
  stop(): Promise<void>;
  /** For `process.on('exit')`, where nothing asynchronous runs any more. */
  stopSync(): void;
}

/**
 * Starts (initialising on first use) a private PostgreSQL 15 cluster under
 * `options.root`, or attaches to it when it already runs. The server is started
 * with `pg_ctl`, in its own session, so Ctrl-C in the terminal reaches the app,
 * which then stops the server cleanly (`pg_ctl stop -m fast`).
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const bins = resolvePostgresBinaries();
  const runAs = postgresRunAs();
  const paths = clusterPaths(options.root);
  mkdirSync(options.root, { recursive: true });

  let state = readClusterState(paths.stateFile);
  let startedHere = false;
  const hasData = existsSync(join(paths.dataDir, 'PG_VERSION'));
  if (hasData && !state) {
    // Never guess: without cluster.json the passwords are unknown, and the
    // data directory may hold everything the developer has.
    throw new Error(
      `found a PostgreSQL cluster in ${paths.dataDir} but no ${paths.stateFile}; restore that file, or delete ${options.root} to start over (its data is lost)`,
    );
  }
  if (!state?.ready || !hasData) {
    // Only a cluster whose first start never finished (state written with
    // ready: false) or that has no data directory is (re)initialised.
    if (hasData && serverIsRunning(bins, runAs, paths.dataDir))
      await run(bins.pgCtl, ['stop', '-D', paths.dataDir, '-m', 'immediate', '-w'], runAs);
    log(`initialising a new PostgreSQL cluster in ${paths.dataDir}`);
    state = await initialiseCluster(bins, runAs, paths, options.durability);
    writeFileSync(paths.newMarker, 'removed once first-use work (seeding) has run\n');
    startedHere = true;
  } else if (serverIsRunning(bins, runAs, paths.dataDir)) {
    state = { ...state, port: runningPort(paths.dataDir) ?? state.port };
    if (ownerIsAlive(paths.ownerFile)) {
      log(`using the embedded PostgreSQL already running on port ${state.port}`);
    } else {
      // Its starter died without stopping it (killed, crashed): adopt it, so
      // this process stops it when it ends.
      log(`adopting the embedded PostgreSQL left running on port ${state.port}`);
      startedHere = true;
    }
  } else {
    if (!(await isPortFree(state.port))) {
      state = { ...state, port: await findFreePort() };
      writeClusterState(paths.stateFile, state);
    }
    await startServer(bins, runAs, paths, state.port);
    startedHere = true;
  }

  if (startedHere) writeFileSync(paths.ownerFile, `${process.pid}\n`);
  const stopArgs = ['stop', '-D', paths.dataDir, '-m', 'fast', '-w', '-t', '60'];
  const finalState = state;
  let stopped = false;
  return {
    state: finalState,
    ownerUrl: connectionUrl(finalState, finalState.owner),
    runtimeUrl: connectionUrl(finalState, finalState.runtime),
    superuserUrl: connectionUrl(finalState, finalState.superuser),
    startedHere,
    isNew: existsSync(paths.newMarker),
    settle: () => rmSync(paths.newMarker, { force: true }),
    async stop() {
      if (stopped || !startedHere) return;
      stopped = true;
      await run(bins.pgCtl, stopArgs, runAs);
      rmSync(paths.ownerFile, { force: true });
    },
    stopSync() {
      if (stopped || !startedHere) return;
      stopped = true;
      spawnSync(bins.pgCtl, stopArgs, { ...runAs, stdio: 'ignore' });
      rmSync(paths.ownerFile, { force: true });
    },
  };
}

/** A cluster some other process started and still runs; see {@link runningEmbeddedCluster}. */
export interface RunningEmbeddedCluster {
  state: ClusterState;
  ownerUrl: string;
  runtimeUrl: string;
}

/**
 * The cluster under `root` if a server runs there now, without starting one
 * (for tools that inspect the database the app uses, such as `npm run jobs`):
 * `never-created` when the folder holds no cluster, `stopped` when it is not running.
 */
export function runningEmbeddedCluster(root: string): RunningEmbeddedCluster | 'never-created' | 'stopped' {
  const paths = clusterPaths(root);
  const state = readClusterState(paths.stateFile);
  if (!state?.ready || !existsSync(join(paths.dataDir, 'PG_VERSION'))) return 'never-created';
  if (!serverIsRunning(resolvePostgresBinaries(), postgresRunAs(), paths.dataDir)) return 'stopped';
  const running = { ...state, port: runningPort(paths.dataDir) ?? state.port };
  return { state: running, ownerUrl: connectionUrl(running, running.owner), runtimeUrl: connectionUrl(running, running.runtime) };
}

interface ClusterPaths {
  dataDir: string;
  logDir: string;
  stateFile: string;
  /** PID of the process that started the running server and will stop it. */
  ownerFile: string;
  /** Present from initialisation until first-use work is done (see EmbeddedDatabase.isNew). */
  newMarker: string;
}

function clusterPaths(root: string): ClusterPaths {
  return {
    dataDir: join(root, 'postgres'),
    logDir: join(root, 'log'),
    stateFile: join(root, 'cluster.json'),
    ownerFile: join(root, 'owner.pid'),
    newMarker: join(root, 'new-cluster'),
  };
}

function ownerIsAlive(ownerFile: string): boolean {
  const pid = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function initialiseCluster(
  bins: PostgresBinaries,
  runAs: RunAs,
  paths: ClusterPaths,
  durability: EmbeddedClusterOptions['durability'],
): Promise<ClusterState> {
  // A cluster without a ready state never held application data: an earlier
  // first start was interrupted. Start it over.
  rmSync(paths.dataDir, { recursive: true, force: true });
  const state = newClusterState(await findFreePort());
  writeClusterState(paths.stateFile, state);

  for (const dir of [paths.dataDir, paths.logDir]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid!);
  }
  const passwordFile = join(paths.logDir, '.initdb-password');
  writeFileSync(passwordFile, state.superuser.password + '\n', { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(passwordFile, runAs.uid, runAs.gid!);
  try {
    await run(
      bins.initdb,
      [
        '-D',
        paths.dataDir,
        '-U',
        state.superuser.name,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  appendFileSync(join(paths.dataDir, 'postgresql.conf'), clusterSettings(durability));

  await startServer(bins, runAs, paths, state.port);
  try {
    await createRolesAndDatabase(state);
  } catch (error) {
    await run(bins.pgCtl, ['stop', '-D', paths.dataDir, '-m', 'fast', '-w'], runAs).catch(() => undefined);
    throw error;
  }
  state.ready = true;
  writeClusterState(paths.stateFile, state);
  return state;
}

function clusterSettings(durability: EmbeddedClusterOptions['durability']): string {
  const lines = [
    '',
    '# Added by the project: loopback only, no Unix socket (its default folder may not exist or be writable).',
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
  ];
  if (durability === 'disposable') {
    lines.push(
      '# Test cluster: data is rebuilt on demand, so trade durability for speed.',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
    );
  }
  return lines.join('\n') + '\n';
}

async function startServer(bins: PostgresBinaries, runAs: RunAs, paths: ClusterPaths, port: number): Promise<void> {
  const logFile = join(paths.logDir, 'postgresql.log');
  try {
    await run(bins.pgCtl, ['start', '-D', paths.dataDir, '-w', '-t', '60', '-l', logFile, '-o', `-p ${port}`], runAs);
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${tail}\n(full log: ${logFile})`, {
      cause: error,
    });
  }
}

function serverIsRunning(bins: PostgresBinaries, runAs: RunAs, dataDir: string): boolean {
  return spawnSync(bins.pgCtl, ['status', '-D', dataDir], { ...runAs, stdio: 'ignore' }).status === 0;
}

/** The port of a running server, from the fourth line of `postmaster.pid`. */
function runningPort(dataDir: string): number | null {
  try {
    const port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null; // as root the pid file belongs to postgres (mode 0600 is fine for root, but be safe)
  }
}

async function run(command: string, args: string[], runAs: RunAs): Promise<void> {
  const { code, output } = await runCommand(command, args, runAs);
  if (code !== 0) throw new Error(`${command.split('/').pop()} ${args[0]} exited with code ${code}: ${output.trim()}`);
}
