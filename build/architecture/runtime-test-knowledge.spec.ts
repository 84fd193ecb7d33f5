import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Linter } from 'eslint';

// The ESLint rules that keep runtime code ignorant of Jest (eslint.config.mjs),
// taken from the real configuration for a given file and applied to snippets.
const repoRoot = resolve(__dirname, '..', '..');

const FILES = [
  'src/database/runtime/database-config.ts',
  'src/ssr/render-page.tsx',
  'src/testing/jest/worker-environment.ts',
  'src/server/test/security.spec.tsx',
] as const;

/** The rule settings ESLint's configuration gives each file; computed once, in a child, since the config is an ES module. */
function rulesByFile(): Record<(typeof FILES)[number], Linter.RulesRecord> {
  const script = `const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.argv[1] });
Promise.all(process.argv.slice(2).map((file) => eslint.calculateConfigForFile(file).then((config) => [file, config.rules])))
  .then((entries) => process.stdout.write(JSON.stringify(Object.fromEntries(entries))));`;
  const result = spawnSync(process.execPath, ['-e', script, repoRoot, ...FILES], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`eslint could not compute the configuration: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<(typeof FILES)[number], Linter.RulesRecord>;
}

let configured: ReturnType<typeof rulesByFile>;

function problems(file: (typeof FILES)[number], code: string): string[] {
  const { 'no-restricted-properties': properties, 'no-restricted-globals': globals } = configured[file];
  const rules: Linter.RulesRecord = {};
  if (properties) rules['no-restricted-properties'] = properties;
  if (globals) rules['no-restricted-globals'] = globals;
  return new Linter({ configType: 'flat' })
    .verify(code, [{ languageOptions: { sourceType: 'module', globals: { process: 'readonly', jest: 'readonly' } }, rules }])
    .map((message) => message.message);
}

describe('runtime code that would know Jest (npm run lint)', () => {
  beforeAll(() => {
    configured = rulesByFile();
  });

  it('is rejected when it reads JEST_WORKER_ID, in either property form, with the setting to read instead', () => {
    const found = problems(
      'src/database/runtime/database-config.ts',
      "export const a = process.env.JEST_WORKER_ID;\nexport const b = process.env['JEST_WORKER_ID'];\n",
    );

    expect(found).toHaveLength(2);
    expect(found[0]).toContain('runtime code must not know Jest; read a setting (e.g. DATABASE_SCHEMA) that the test setup sets');
  });

  it('is rejected when it uses the jest global', () => {
    expect(problems('src/ssr/render-page.tsx', 'export const mock = jest.fn();\n')).toEqual([
      expect.stringContaining('runtime code must not use Jest'),
    ]);
  });

  it('is allowed in test helpers and specs, which configure the runtime', () => {
    expect(problems('src/testing/jest/worker-environment.ts', 'export const id = process.env.JEST_WORKER_ID;\n')).toEqual([]);
    expect(problems('src/server/test/security.spec.tsx', 'export const mock = jest.fn();\n')).toEqual([]);
  });
});
