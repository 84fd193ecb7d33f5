// `npm run dev`: webpack in watch mode, restarting the server after every
// successful rebuild. The embedded PostgreSQL (when DATABASE_URL is unset) is
// provisioned once here, not by each server process: a restart kills the old
// server and forks the new one at once, and two processes owning one cluster
// would stop it under each other.
const { existsSync } = require('node:fs');
const webpack = require('webpack');
const { RunScriptWebpackPlugin } = require('run-script-webpack-plugin');
const createConfig = require('../webpack.config');

async function provisionDatabase() {
  // As `npm start` does: settings in .env count, so DATABASE_URL there wins
  // over the embedded default.
  if (existsSync('.env')) process.loadEnvFile('.env');
  if (process.env.DATABASE_URL) return { env: {}, stop: async () => undefined };
  // Build once so the provisioning code (a bundle entry) exists.
  await runOnce(webpack(createConfig({}, { mode: 'development' })));
  const { provisionEmbeddedDatabase } = require('../dist/embedded-database.js');
  const cluster = await provisionEmbeddedDatabase((line) => console.log(`[dev] ${line}`));
  return { env: { DATABASE_URL: cluster.runtimeUrl, MIGRATION_DATABASE_URL: cluster.ownerUrl }, stop: () => cluster.stop() };
}

function runOnce(compiler) {
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

function stopServer(worker) {
  if (!worker || worker.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', resolve);
    worker.kill('SIGTERM');
  });
}

async function main() {
  const database = await provisionDatabase();
  const config = createConfig({ WATCH: true }, { mode: 'development' });
  const server = new RunScriptWebpackPlugin({ name: 'main.js', env: { ...process.env, ...database.env }, keyboard: false, signal: 'SIGTERM' });
  config.plugins.push(server);
  const watching = webpack(config).watch({}, (error, stats) => {
    if (error) console.error(error);
    else if (stats.hasErrors()) console.error(`${stats.toString('errors-only')}\n[dev] build failed: the last good server keeps running`);
  });

  // The server closes its connections before the database stops.
  const shutdown = () =>
    watching.close(async () => {
      await stopServer(server.worker);
      await database.stop();
      process.exit(0);
    });
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
