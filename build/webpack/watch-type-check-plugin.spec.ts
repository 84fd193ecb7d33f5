import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { Compiler, Stats } from 'webpack';
import { writeIfChanged } from '../output/write-if-changed';
import { announceWrittenFiles } from './compilation-hooks';
import { WatchTypeCheckPlugin } from './watch-type-check-plugin';

// The watch-mode type check on a two-file project in a temporary folder, with
// the settings webpack.config.js uses there: ts-loader transpiling only,
// `emitOnErrors: false`, and a build plugin that writes a source file during
// each rebuild, as component discovery does.

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, skipLibCheck: true, types: [] },
  include: ['*.ts'],
});

/** Writes generated.ts in watchRun when its content changes, as ComponentDiscoveryPlugin writes src/generated/. */
class GeneratedFilePlugin {
  content = 'export const count = 1;\n';
  constructor(private readonly file: string) {}
  apply(compiler: Compiler): void {
    compiler.hooks.watchRun.tap('GeneratedFilePlugin', () => {
      if (writeIfChanged(this.file, this.content)) announceWrittenFiles(compiler, [this.file]);
    });
  }
}

describe('the watch-mode type check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-type-check-'));
  const entry = join(dir, 'index.ts');
  const generated = new GeneratedFilePlugin(join(dir, 'generated.ts'));
  const results: Stats[] = [];
  const waiting: ((stats: Stats) => void)[] = [];
  let watching: ReturnType<Compiler['watch']> | undefined;

  /** The next finished compilation (rebuilds are queued by the watcher). */
  const nextBuild = () =>
    new Promise<Stats>((resolve) => {
      const ready = results.shift();
      if (ready) resolve(ready);
      else waiting.push(resolve);
    });
  /** What build/dev-server.ts prints for a failed rebuild. */
  const printed = (stats: Stats) => stats.toString({ preset: 'errors-only', colors: false });

  beforeAll(() => {
    writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: number = count + 1;\n`);
    const compiler = webpack({
      mode: 'development',
      target: 'node',
      context: dir,
      entry: './index.ts',
      output: { path: join(dir, 'dist'), filename: 'main.js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\.ts$/, use: { loader: require.resolve('ts-loader'), options: { transpileOnly: true } } }] },
      optimization: { emitOnErrors: false },
      plugins: [generated, new WatchTypeCheckPlugin('tsconfig.json')],
      infrastructureLogging: { level: 'none' },
    })!; // without a callback webpack returns the compiler
    watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) => {
      if (error) throw error;
      const resolve = waiting.shift();
      if (resolve) resolve(stats!);
      else results.push(stats!);
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => watching?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a project without type errors and emits the bundle', async () => {
    const stats = await nextBuild();

    expect(stats.hasErrors()).toBe(false);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(true);
  });

  it('fails the rebuild on a type error, naming file, line and column, and emits nothing, so the server is not restarted', async () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(
      entry,
      `import { count } from './generated';\n\nexport const total: number = count + 1;\nexport const typo: number = 'one';\n`,
    );

    const stats = await nextBuild();

    expect(stats.compilation.errors).toHaveLength(1);
    expect(printed(stats)).toMatch(/^ERROR in \S*\/index\.ts:4:14\nTS2322: Type 'string' is not assignable to type 'number'\./m);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(false);
  });

  it('checks a file a build plugin rewrote during the same rebuild in its new version', async () => {
    generated.content = `export const count = 'many';\n`;
    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: number = count;\n`);

    const stats = await nextBuild();

    expect(stats.compilation.errors).toHaveLength(1);
    expect(printed(stats)).toMatch(/^ERROR in \S*\/index\.ts:3:14\nTS2322: Type 'string' is not assignable to type 'number'\./m);
  });
});
