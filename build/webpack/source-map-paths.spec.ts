import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack, { Stats } from 'webpack';
import { sourcePathsRelativeTo } from './source-map-paths';

// A small project bundled as webpack.config.js bundles the server (ts-loader,
// devtool 'source-map', these source paths), then run as `npm start` runs it.

const FAILING_SOURCE = `export function failToday(): never {
  // line 2
  throw new Error('failed on purpose');
}
`;

describe('source maps of the server bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-maps-'));
  const outputPath = join(dir, 'dist');

  beforeAll(async () => {
    mkdirSync(join(dir, 'src', 'components', 'demo'), { recursive: true });
    writeFileSync(join(dir, 'src', 'components', 'demo', 'component.service.ts'), FAILING_SOURCE);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', sourceMap: true } }),
    );
    writeFileSync(join(dir, 'src', 'main.ts'), `import { failToday } from './components/demo/component.service';\n\nfailToday();\n`);
    const compiler = webpack({
      mode: 'production',
      target: 'node',
      context: dir,
      entry: './src/main.ts',
      output: { path: outputPath, filename: 'main.js', devtoolModuleFilenameTemplate: sourcePathsRelativeTo(outputPath) },
      resolve: { extensions: ['.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            use: {
              loader: require.resolve('ts-loader'),
              options: { transpileOnly: true },
            },
          },
        ],
      },
      devtool: 'source-map',
      optimization: { minimize: false },
      infrastructureLogging: { level: 'none' },
    })!; // without a callback webpack returns the compiler
    const stats = await new Promise<Stats>((done, fail) => compiler.run((error, result) => (error ? fail(error) : done(result!))));
    await new Promise((done) => compiler.close(done));
    expect(stats.toString({ preset: 'errors-only', colors: false })).toBe('');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each source relative to the map, so no build machine folder is in it', () => {
    const map = JSON.parse(readFileSync(join(outputPath, 'main.js.map'), 'utf8')) as { sources: string[] };

    expect(map.sources).toEqual(expect.arrayContaining(['../src/main.ts', '../src/components/demo/component.service.ts']));
    expect(map.sources.filter((source) => source.includes(dir))).toEqual([]);
  });

  it('with node --enable-source-maps, a stack trace names the .ts file and line where the error was thrown', () => {
    const run = spawnSync(process.execPath, ['--enable-source-maps', join(outputPath, 'main.js')], { encoding: 'utf8' });

    expect(run.status).toBe(1);
    const stack = run.stderr.split('\n').filter((line) => line.trimStart().startsWith('at '));
    expect(stack[0]).toContain(`(${join(dir, 'src', 'components', 'demo', 'component.service.ts')}:3:9)`);
    expect(stack.some((line) => line.includes(`${join(dir, 'src', 'main.ts')}:3:`))).toBe(true);
  });

  it('npm start runs the server with --enable-source-maps', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };

    expect(manifest.scripts.start).toMatch(/\bnode --enable-source-maps dist\/main\.js$/);
  });
});
