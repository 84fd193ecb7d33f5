// `npm run dev`: webpack in watch mode, restarting the server after every
// successful rebuild. The embedded PostgreSQL (when DATABASE_URL is unset) is
// provisioned once here, not by each server process: a restart kills the old
// server and forks the new one at once, and two processes owning one cluster
// would stop it under each other.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { RunScriptWebpackPlugin } from 'run-script-webpack-plugin';
import webpack from 'webpack';
import { provisionEmbeddedDatabase } from '../src/database/provisioning/provision-embedded-database';
import createConfig from '../webpack.config';
import { loadComponentSeeds } from './component-discovery/load-component-seeds';

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
    warn: (line) => console.warn(`[dev] ${line}`),
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
  const database = await provisionDatabase();
  const config = createConfig({ WATCH: true }, { mode: 'development' });
  const server = new RunScriptWebpackPlugin({
    name: 'main.js',
    env: { ...process.env, ...database.env },
    keyboard: false,
    signal: 'SIGTERM',
  });
  config.plugins.push(server);
  // Without a callback webpack returns the compiler (null only with one), and watch() a Watching.
  const watching = webpack(config)!.watch({}, (error, stats) => {
    if (error) console.error(error);
    else if (stats?.hasErrors()) console.error(`${stats.toString('errors-only')}\n[dev] build failed: the last good server keeps running`);
  });
  // The plugin keeps the server process to itself; it is read here only to stop it before the database.
  const serverProcess = () => (server as unknown as { worker?: ChildProcess }).worker;

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

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
