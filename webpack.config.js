// Bundles the server (target node; node_modules stay external). Build-time
// plugins in build/ collect component schemas and generate the Prisma Client
// before the TypeScript is compiled against it.
const { join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
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
      'embedded-database': { import: './src/database/embedded/provision-embedded-database.ts', library: { type: 'commonjs2' } },
    },
    output: { path: join(__dirname, 'dist'), filename: '[name].js', clean: true },
    externalsPresets: { node: true },
    externals: [nodeExternals()],
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json' } } }],
    },
    devtool: 'source-map',
    // Keep class names: Nest and logs use them.
    optimization: { minimize: false, emitOnErrors: false },
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    plugins: [new DatabaseSchemaPlugin()],
    stats: 'errors-warnings',
  };
};
