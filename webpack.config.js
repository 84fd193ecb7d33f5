// Bundles the server (target node; node_modules stay external). Build-time
// plugins in build/ collect component schemas and generate the Prisma Client
// before the TypeScript is compiled against it.
const { join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { ComponentDiscoveryPlugin } = require('./build/component-discovery-plugin');
const { DatabaseSchemaPlugin } = require('./build/database-schema-plugin');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  return {
    mode,
    target: 'node20',
    context: __dirname,
    entry: {
      main: './src/main.ts',
      // Loaded by build/dev-server.js to provision the database once per watch session.
      'embedded-database': { import: './src/database/provisioning/provision-embedded-database.ts', library: { type: 'commonjs2' } },
    },
    // publicPath: imported assets resolve to /static/<name>.<hash>.<ext>.
    output: { path: join(__dirname, 'dist'), filename: '[name].js', publicPath: '/', clean: true },
    externalsPresets: { node: true },
    // React is bundled so the mode's process.env.NODE_ENV selects its
    // production build in `npm run build`, whatever the runtime environment.
    externals: [nodeExternals({ allowlist: [/^react($|\/)/, /^react-dom($|\/)/, /^scheduler($|\/)/] })],
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        // Watch mode transpiles file by file: ts-loader keeps deleted files in
        // its program and would fail every rebuild after a component folder is
        // removed. Types are checked by `npm run build`, `npm run typecheck` and CI.
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: Boolean(env.WATCH) } } },
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
    cache: argv.watch || env.WATCH ? { type: 'memory' } : { type: 'filesystem', buildDependencies: { config: [__filename] } },
    // Discovery first: it generates the module list AppModule imports.
    plugins: [new ComponentDiscoveryPlugin(), new DatabaseSchemaPlugin()],
    stats: 'errors-warnings',
  };
};
