// `npm run dev`: webpack in watch mode, restarting the server after every
// successful rebuild. The embedded PostgreSQL (when DATABASE_URL is unset) is
// provisioned once here, not by each server process: a restart kills the old
// server and forks the new one at once, and two processes owning one cluster
// would stop it under each other.
//
// After every successful rebuild it says when a component schema changed
// without a migration (build/dev-loop/migration-reminder.ts); type errors
// fail the rebuild (webpack.config.js), so they keep the last good server too.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { RunScriptWebpackPlugin } from 'run-script-webpack-plugin';
import webpack from 'webpack';
import { provisionEmbeddedDatabase } from '../src/database/provisioning/provision-embedded-database';
import { SCHEMA_CHANGED_LINE } from '../src/database/provisioning/unmigrated-schema-notice';
import { assertRunScriptWorker, runScriptWorker } from '../src/platform/vendor-patches/run-script-worker.patch';
import createConfig from '../webpack.config';
import { loadComponentSeeds } from './component-discovery/load-component-seeds';
import { MigrationReminder } from './dev-loop/migration-reminder';

interface DevDatabase {
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

async function provisionDatabase(): Promise<DevDatabase> {
  // As `npm start` does: settings in .env count, so DATABASE_URL there wins
  // over the embedded default.
  if (existsSync('.env')) process.loadEnvFile('.env');
  if (process.env.DATABASE_URL) return { env: {}, stop: () => Promise.resolve() };
  const cluster = await provisionEmbeddedDatabase((line) => console.log(`[dev] ${line}`), {
    // The reminder after the first build says it again, with a name for the migration.
    warn: (line) => line !== SCHEMA_CHANGED_LINE && console.warn(`[dev] ${line}`),
    // Called only for a brand-new database: loading the seeds costs a discovery pass.
    seeds: () => loadComponentSeeds(),
  });
  return { env: { DATABASE_URL: cluster.runtimeUrl, MIGRATION_DATABASE_URL: cluster.ownerUrl }, stop: () => cluster.stop() };
}

function stopServer(worker: ChildProcess | undefined): Promise<void> {
  if (!worker || worker.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  // Before anything starts: shutdown reads the plugin's private server process.
  assertRunScriptWorker();
  const database = await provisionDatabase();
  const config = createConfig({ WATCH: true }, { mode: 'development' });
  const server = new RunScriptWebpackPlugin({
    name: 'main.js',
    env: { ...process.env, ...database.env },
    keyboard: false,
    signal: 'SIGTERM',
    // Stack traces name src/ files and lines (the maps webpack writes next to
    // the bundle). Also keeps tsx's loader, which runs this script, out of the server.
    nodeArgs: ['--enable-source-maps'],
  });
  config.plugins.push(server);
  // Without a callback webpack returns the compiler (null only with one), and watch() a Watching.
  const remindOfMigrations = migrationReminder(database.env.MIGRATION_DATABASE_URL);
  // The config's watchOptions: without them, each rebuild that rewrites a generated file starts a second one.
  const watching = webpack(config)!.watch(config.watchOptions ?? {}, (error, stats) => {
    if (error) console.error(error);
    else if (stats?.hasErrors()) console.error(`${stats.toString('errors-only')}\n[dev] build failed: the last good server keeps running`);
    // The server has just been (re)started: this comes after its restart line.
    else remindOfMigrations();
  });
  // The plugin keeps the server process to itself; it is read here only to stop it before the database.
  const serverProcess = () => runScriptWorker(server);

  // The server closes its connections before the database stops. `on`, not
  // `once`: Ctrl-C under npm arrives twice (see src/main.ts), and an unhandled
  // second signal would kill this process before the database is stopped.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    watching!.close(() => {
      void stopServer(serverProcess())
        .then(() => database.stop())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/**
 * Checks after each successful build, one check at a time, without holding up
 * the watcher; the reminder is repeated at every rebuild, a failed check said once.
 */
function migrationReminder(migrationUrl: string | undefined): () => void {
  const reminder = new MigrationReminder({ projectRoot: process.cwd(), migrationUrl });
  const highlight = process.stderr.isTTY ? (line: string) => `\x1b[1;33m${line}\x1b[0m` : (line: string) => line;
  let checking = Promise.resolve();
  return () => {
    checking = checking.then(async () => {
      const { lines, failed, repeated } = await reminder.check();
      if (failed && repeated) return;
      for (const [index, line] of lines.entries()) console.warn(index === 0 && !failed ? highlight(`[dev] ${line}`) : `[dev] ${line}`);
    });
  };
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
