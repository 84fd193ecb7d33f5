import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Linter } from 'eslint';

// The ESLint rule that keeps Nest's exceptions out of components (eslint.config.mjs),
// taken from the real configuration for a given file and applied to snippets.
const repoRoot = resolve(__dirname, '..', '..');

const FILES = [
  'src/components/demo/component.controller.tsx',
  'src/components/accounts/test/sessions.spec.ts',
  'src/server/errors/error-response.ts',
] as const;
type File = (typeof FILES)[number];

/** The no-restricted-imports setting ESLint's configuration gives each file; computed in a child, since the config is an ES module. */
function restrictedImportsByFile(): Record<File, Linter.RuleEntry | undefined> {
  const script = `const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.argv[1] });
Promise.all(process.argv.slice(2).map((file) => eslint.calculateConfigForFile(file).then((config) => [file, config.rules['no-restricted-imports']])))
  .then((entries) => process.stdout.write(JSON.stringify(Object.fromEntries(entries))));`;
  const result = spawnSync(process.execPath, ['-e', script, repoRoot, ...FILES], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`eslint could not compute the configuration: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<File, Linter.RuleEntry | undefined>;
}

let configured: ReturnType<typeof restrictedImportsByFile>;

function problems(file: File, code: string): string[] {
  const setting = configured[file];
  const rules: Linter.RulesRecord = setting ? { 'no-restricted-imports': setting } : {};
  return new Linter({ configType: 'flat' })
    .verify(code, [{ languageOptions: { sourceType: 'module' }, rules }])
    .map((message) => message.message);
}

const NEST_EXCEPTIONS =
  "import { ForbiddenException, HttpException, Injectable } from '@nestjs/common';\nexport const used = [ForbiddenException, HttpException, Injectable];\n";

// no-restricted-imports reports a namespace import when a name pattern of that module is restricted.
const NEST_NAMESPACE = "import * as nest from '@nestjs/common';\nexport const refused = new nest.ForbiddenException();\n";

describe("Nest's exceptions in components (npm run lint)", () => {
  beforeAll(() => {
    configured = restrictedImportsByFile();
  });

  it('are rejected in runtime code and tests alike, each naming DomainError and the surface, while the rest of @nestjs/common stays allowed', () => {
    for (const file of ['src/components/demo/component.controller.tsx', 'src/components/accounts/test/sessions.spec.ts'] as const) {
      const found = problems(file, NEST_EXCEPTIONS);

      expect(found).toEqual([
        expect.stringMatching(
          /^'ForbiddenException' import from '@nestjs\/common' is restricted .*a component raises DomainError with a code .*src\/surface/,
        ),
        expect.stringMatching(/^'HttpException' import from '@nestjs\/common' is restricted .*DomainError/),
      ]);
    }
  });

  it('cannot be reached through a namespace import of @nestjs/common either, with the same message', () => {
    for (const file of ['src/components/demo/component.controller.tsx', 'src/components/accounts/test/sessions.spec.ts'] as const) {
      const found = problems(file, NEST_NAMESPACE);

      expect(found).toEqual([
        expect.stringMatching(
          /^\* import is invalid because import name matching '\/Exception\$\/u' pattern from '@nestjs\/common' is restricted .*a component raises DomainError with a code .*src\/surface/,
        ),
      ]);
    }
  });

  it('are the platform’s own business outside components: the error filter recognises them', () => {
    expect(problems('src/server/errors/error-response.ts', NEST_EXCEPTIONS)).toEqual([]);
    expect(problems('src/server/errors/error-response.ts', NEST_NAMESPACE)).toEqual([]);
  });
});
