// Bundles the server (target node; node_modules stay external). Build-time
// plugins in build/ collect component schemas and generate the Prisma Client
// before the TypeScript is compiled against it. Loaded through tsx (see the
// package.json scripts), like everything in build/.
import { join } from 'node:path';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import nodeExternals from 'webpack-node-externals';
import { ComponentDiscoveryPlugin } from './build/component-discovery-plugin';
import { DatabaseSchemaPlugin } from './build/database-schema-plugin';
import { sourcePathsRelativeTo } from './build/webpack/source-map-paths';
import { ignoredOutputs } from './build/webpack/watch-ignored-outputs';
import { WatchTypeCheckPlugin } from './build/webpack/watch-type-check-plugin';

type Mode = 'production' | 'development';

/** webpack-cli calls this with `--env` values and the CLI arguments; build/dev-server.ts with `WATCH`. */
export default function createConfig(
  env: { WATCH?: boolean } = {},
  argv: { mode?: Mode; watch?: boolean } = {},
): Configuration & { plugins: WebpackPluginInstance[] } {
  const mode = argv.mode ?? 'production';
  const watching = Boolean(argv.watch || env.WATCH);
  const discovery = new ComponentDiscoveryPlugin();
  const schemas = new DatabaseSchemaPlugin({ dependencies: () => discovery.lastDependencies });
  const outputPath = join(__dirname, 'dist');
  return {
    mode,
    target: 'node20',
    context: __dirname,
    entry: { main: './src/main.ts' },
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
    watchOptions: { ignored: ignoredOutputs([...discovery.outputs, ...schemas.outputs]) },
  };
}
