import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { Compiler, Stats } from 'webpack';
import { writeIfChanged } from '../output/write-if-changed';
import { announceWrittenFiles, reportToEveryCompilation } from './compilation-hooks';
import { ignoredOutputs } from './watch-ignored-outputs';
import { WatchTypeCheckPlugin } from './watch-type-check-plugin';

// The watch-mode type check on a two-file project in a temporary folder, with
// the settings webpack.config.js uses there: ts-loader transpiling only,
// `emitOnErrors: false`, a build plugin that writes a source file during
// each rebuild, as component discovery does, which is not watched, and a
// build step that can fail, as discovery and the schema collection do.

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

/** Fails every compilation with one error while `failing` is set, as a build step with a root cause does. */
class FailingStepPlugin {
  failing = false;
  constructor(private readonly dir: string) {}
  apply(compiler: Compiler): void {
    const outcome = () => ({ errors: this.failing ? ['components/blog/schema.prisma:3: broken; fix it'] : [], watched: [], missing: [] });
    reportToEveryCompilation(compiler, 'FailingStepPlugin', this.dir, outcome);
  }
}

/** A finished compilation and the files the watcher saw change before it (none for the first). */
interface Build {
  stats: Stats;
  changed: string[];
}

describe('the watch-mode type check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'watch-type-check-'));
  const entry = join(dir, 'index.ts');
  const generated = new GeneratedFilePlugin(join(dir, 'generated.ts'));
  const step = new FailingStepPlugin(join(dir, 'components'));
  const results: Build[] = [];
  const waiting: ((build: Build) => void)[] = [];
  const changes: string[][] = [];
  let watching: ReturnType<Compiler['watch']> | undefined;

  /** The next finished compilation (rebuilds are queued by the watcher). */
  const nextBuild = () =>
    new Promise<Build>((resolve) => {
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
      plugins: [generated, step, new WatchTypeCheckPlugin('tsconfig.json')],
      infrastructureLogging: { level: 'none' },
    })!; // without a callback webpack returns the compiler
    // What the watcher reported, read before the plugins announce their own writes.
    compiler.hooks.watchRun.tap({ name: 'spec', stage: -100 }, () => void changes.push([...(compiler.modifiedFiles ?? [])]));
    watching = compiler.watch({ aggregateTimeout: 50, ignored: ignoredOutputs([join(dir, 'generated.ts')]) }, (error, stats) => {
      if (error) throw error;
      const build = { stats: stats!, changed: changes.shift() ?? [] };
      const resolve = waiting.shift();
      if (resolve) resolve(build);
      else results.push(build);
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => watching?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a project without type errors and emits the bundle', async () => {
    const { stats } = await nextBuild();

    expect(stats.hasErrors()).toBe(false);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(true);
  });

  it('fails the rebuild on a type error, naming file, line and column, and emits nothing, so the server is not restarted', async () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(
      entry,
      `import { count } from './generated';\n\nexport const total: number = count + 1;\nexport const typo: number = 'one';\n`,
    );

    const { stats } = await nextBuild();

    expect(stats.compilation.errors).toHaveLength(1);
    expect(printed(stats)).toMatch(/^ERROR in \S*\/index\.ts:4:14\nTS2322: Type 'string' is not assignable to type 'number'\./m);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(false);
  });

  it('checks a file a build plugin rewrote during the same rebuild in its new version', async () => {
    generated.content = `export const count = 'many';\n`;
    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: number = count;\n`);

    const { stats } = await nextBuild();

    expect(stats.compilation.errors).toHaveLength(1);
    expect(printed(stats)).toMatch(/^ERROR in \S*\/index\.ts:3:14\nTS2322: Type 'string' is not assignable to type 'number'\./m);
  });

  it('does not rebuild again for the file a build plugin rewrote: the next rebuild is the next edit’s', async () => {
    // The rebuild before rewrote generated.ts. Watched, that write would start
    // a rebuild of its own as soon as the watcher resumed (the dev server
    // restarted twice), on its own or together with this edit.
    generated.content = 'export const count = 2;\n';
    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: number = count + 1;\n`);
    expect((await nextBuild()).stats.hasErrors()).toBe(false);

    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: number = count + 2;\n`);
    const { changed } = await nextBuild();

    expect(changed).toEqual([entry]);
  });

  it('reports only a failed build step’s error, not the type errors that follow from it', async () => {
    step.failing = true;
    writeFileSync(entry, `import { count } from './generated';\n\nexport const total: string = count;\n`);

    const { stats } = await nextBuild();

    expect(stats.compilation.errors.map((error) => error.message)).toEqual(['components/blog/schema.prisma:3: broken; fix it']);
  });
});
