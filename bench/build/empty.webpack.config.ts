// webpack's own start, for `npm run bench:build`: webpack-cli run the way
// `npm run build` runs it (through tsx), on an empty entry, without plugins or loaders.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'webpack';

const config: Configuration = {
  mode: 'production',
  target: 'node20',
  entry: join(__dirname, 'empty-entry.ts'),
  output: { path: join(tmpdir(), 'build-bench-empty-webpack'), clean: true },
  stats: 'errors-warnings',
};

export default config;
