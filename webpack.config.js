// @ts-check
// Bundles the server (target node; node_modules stay external). Build-time
// plugins in build/ collect component schemas and generate the Prisma Client
// before the TypeScript is compiled against it. Plain CommonJS, type-checked
// from its JSDoc by `npm run typecheck` (tsconfig.json: allowJs, and the
// `@ts-check` above); loaded through tsx (see the package.json scripts),
// which lets it require the TypeScript plugins in build/.
const { join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { ComponentDiscoveryPlugin } = require('./build/component-discovery-plugin');
const { DatabaseSchemaPlugin } = require('./build/database-schema-plugin');
const { sourcePathsRelativeTo } = require('./build/webpack/source-map-paths');
const { ignoredOutputs } = require('./build/webpack/watch-ignored-outputs');
const { WatchTypeCheckPlugin } = require('./build/webpack/watch-type-check-plugin');

/** @typedef {'production' | 'development'} Mode */

/**
 * webpack-cli calls this with `--env` values and the CLI arguments; build/dev-server.ts with `WATCH`.
 * @param {{ WATCH?: boolean }} [env]
 * @param {{ mode?: Mode; watch?: boolean }} [argv]
 * @returns {import('webpack').Configuration & { plugins: import('webpack').WebpackPluginInstance[] }}
 */
function createConfig(env = {}, argv = {}) {
  const mode = argv.mode ?? 'production';
  const watching = Boolean(argv.watch || env.WATCH);
  const discovery = new ComponentDiscoveryPlugin();
  const schemas = new DatabaseSchemaPlugin({
    dependencies: () => discovery.lastDependencies,
    schemaSettings: () => discovery.lastSchemaSettings,
    // The folders discovery listed: one scan of src/components per build.
    folders: () => discovery.lastFolders,
  });
  const outputPath = join(__dirname, 'dist');
  return {
    mode,
    target: 'node20',
    context: __dirname,
    // jobs: the operations command (`npm run jobs`), as `node dist/jobs.js` where tsx is not installed (the image).
    entry: { main: './src/main.ts', jobs: './src/jobs-cli.ts' },
    // publicPath: imported assets resolve to /static/<name>.<hash>.<ext>.
    output: {
      path: outputPath,
      filename: '[name].js',
      publicPath: '/',
      clean: true,
      // Stack traces name src/ files and lines (node --enable-source-maps).
      devtoolModuleFilenameTemplate: sourcePathsRelativeTo(outputPath),
    },
    externalsPresets: { node: true },
    // React is bundled so the mode's process.env.NODE_ENV selects its
    // production build in `npm run build`, whatever the runtime environment.
    externals: [nodeExternals({ allowlist: [/^react($|\/)/, /^react-dom($|\/)/, /^scheduler($|\/)/] })],
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        // Watch mode transpiles file by file: ts-loader keeps deleted files in
        // its program and would fail every rebuild after a component folder is
        // removed. There the types are checked beside it (see the plugins);
        // `npm run build` checks them in ts-loader itself.
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: watching } },
        },
        // A component's CSS and small images sit next to its pages; importing one
        // yields its content-hashed URL, served from dist/static with long caching.
        { test: /\.(css|png|svg|jpe?g|gif|webp)$/, type: 'asset/resource', generator: { filename: 'static/[name].[contenthash:8][ext]' } },
      ],
    },
    devtool: 'source-map',
    // Keep class names: Nest and logs use them.
    optimization: { minimize: false, emitOnErrors: false },
    // Single builds (`npm start`) reuse a cache on disk; watch mode keeps its
    // own in memory, and a disk cache saved while files were being moved
    // would feed ts-loader stale modules on the next `npm run dev`.
    cache: watching ? { type: 'memory' } : { type: 'filesystem', buildDependencies: { config: [__filename] } },
    // Discovery first: it generates the module list AppModule imports, and
    // reads the dependsOn the schema checks need.
    plugins: [
      discovery,
      schemas,
      // Watch mode only: ts-loader transpiles there (see module.rules).
      ...(watching ? [new WatchTypeCheckPlugin('tsconfig.build.json')] : []),
    ],
    stats: 'errors-warnings',
    // What the plugins write in a rebuild must not start another one (build/webpack/watch-ignored-outputs.ts).
    // aggregateTimeout: changes within 300 ms are one rebuild (webpack's
    // default, 20 ms, splits a folder deletion, a save-all or a git checkout
    // over several rebuilds and restarts when the machine is busy).
    watchOptions: { ignored: ignoredOutputs([...discovery.outputs, ...schemas.outputs]), aggregateTimeout: 300 },
  };
}

module.exports = createConfig;
