import { findFreePort } from '../../src/database/embedded/free-port';
import { cloneProject } from './fresh-clone';
import { timeToHealthy, TimedStart } from './timed-start';

export interface StartupBenchOptions {
  projectRoot: string;
  /** Starts of each kind on the initialised database; the median is reported. Default 3. */
  repeats?: number;
  log?: (line: string) => void;
}

export interface StartupBenchResult {
  /** How the clone got its node_modules. */
  install: string;
  /** `npm start` in a fresh clone: build, generate, initdb, migrations, seed. */
  freshClone: TimedStart;
  /** `npm start` again, on the database the first start initialised. */
  npmStart: TimedStart[];
  /** `node dist/main.js` on the same database: the app without the build. */
  nodeMain: TimedStart[];
}

/** Settings the app reads that would point it elsewhere when inherited from the shell (as in bench/load). */
const INHERITED_SETTINGS_DROPPED = /^(DATABASE_|MIGRATION_DATABASE_URL$|CSRF_SECRET$|PORT$|HOST$|NODE_ENV$|SHUTDOWN_|npm_)/;

const MARKS = {
  built: /webpack compiled|compiled successfully/,
  databaseReady: /embedded PostgreSQL ready/,
  listening: /listening on http/,
};

/**
 * `npm run bench:startup`: clones the project into a temporary folder
 * (see {@link cloneProject}), times its first `npm start` to the first 200 on
 * `/health`, then `repeats` more `npm start`s and `node dist/main.js` runs
 * on the database that start initialised. Each run is stopped with SIGINT to
 * its process group (Ctrl-C); the clone, its database and every process are
 * gone when this resolves or rejects.
 */
export async function runStartupBench(options: StartupBenchOptions): Promise<StartupBenchResult> {
  const repeats = options.repeats ?? 3;
  const log = options.log ?? (() => undefined);
  const clone = cloneProject(options.projectRoot);
  // The starts run in process groups of their own, so Ctrl-C reaches only
  // this process: end the current start, its database and the clone, then exit.
  let group: number | undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    try {
      if (group !== undefined) process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
    clone.remove();
    log(`${signal}: stopped; the clone and its database are removed`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_SETTINGS_DROPPED.test(key)));
    Object.assign(env, { PORT: String(port), NO_COLOR: '1' });
    const start = (command: string, args: string[], timeoutMs: number) =>
      timeToHealthy(command, args, { cwd: clone.root, env, port, timeoutMs, marks: MARKS, onGroup: (pgid) => (group = pgid) });

    log(`fresh clone in ${clone.root}: npm start`);
    const freshClone = await start('npm', ['start'], 180_000);
    log(`  first 200 after ${Math.round(freshClone.healthyMs)} ms`);
    const npmStart: TimedStart[] = [];
    for (let i = 0; i < repeats; i++) {
      npmStart.push(await start('npm', ['start'], 60_000));
      log(`npm start #${i + 1}: ${Math.round(npmStart[i].healthyMs)} ms`);
    }
    const nodeMain: TimedStart[] = [];
    for (let i = 0; i < repeats; i++) {
      nodeMain.push(await start(process.execPath, ['--enable-source-maps', 'dist/main.js'], 60_000));
      log(`node dist/main.js #${i + 1}: ${Math.round(nodeMain[i].healthyMs)} ms`);
    }
    return { install: clone.install, freshClone, npmStart, nodeMain };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    clone.remove();
  }
}
