// Child process of the watch bench: webpack in watch mode with the project's
// own config (as `npm run dev`, without the database and server), in the
// project copy it is started in. Prints "ready" after the first build.
import webpack from 'webpack';

type CreateConfig = typeof import('../../webpack.config');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy's own config, found from the working directory
const createConfig = require(`${process.cwd()}/webpack.config`) as CreateConfig;

let ready = false;
const config = createConfig({ WATCH: true }, { mode: 'development' });
// The config's watchOptions, as build/dev-server.ts passes them: the generated files are not watched.
webpack(config)!.watch(config.watchOptions ?? {}, (error, stats) => {
  if (error) console.error(error);
  if (stats?.hasErrors()) console.error(stats.toString('errors-only'));
  if (!ready) {
    ready = true;
    console.log('ready');
  }
});
