// ESLint: typescript-eslint's type-aware recommended rules over every
// TypeScript file; formatting is Prettier's job (eslint-config-prettier turns
// the overlapping rules off). Architecture rules live in .dependency-cruiser.cjs.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const RUNTIME_FILES = ['src/**/*.{ts,tsx}'];
const TEST_FILES = ['**/*.spec.{ts,tsx}', 'src/**/test/**', 'src/testing/**', 'bench/**', 'jest.global*.ts'];

// SQL built from strings (docs/guides/database.md, "The fast path"): values travel as parameters, never as text. A
// constant string (no `${}`, no `+`) carries no value and passes: DDL with several statements needs $executeRawUnsafe.
// A tripwire for the common ways, not a proof: SQL text (or a { text } config) built in a variable and then passed
// (`const q = \`…${x}\`; client.query(q)`) is not seen. Runtime code only: tests build SQL from their own schema names.
// A block below that sets no-restricted-syntax for these files again would replace this list, not add to it.
const PARAMETERS =
  "Kysely's sql`…${value}…` tag or Prisma's $queryRaw`…${value}…` / $executeRaw`…` tagged templates, which send each value as a parameter";
const CALLS_QUERY = 'CallExpression[callee.property.name=/^(query|execute)$/]';
const COMPILED_RAW = "CallExpression[callee.object.name='CompiledQuery'][callee.property.name='raw']";
export const STRING_BUILT_SQL = [
  {
    selector: "CallExpression[callee.object.name='sql'][callee.property.name=/^(raw|lit)$/]",
    message: `sql.raw()/sql.lit() put text into the SQL unescaped: use ${PARAMETERS}; sql.ref()/sql.table() for a name`,
  },
  {
    selector: "CallExpression[callee.object.name='Prisma'][callee.property.name='raw']",
    message: `Prisma.raw() puts text into the SQL unescaped: use ${PARAMETERS}; Prisma.sql\`…\` to compose fragments`,
  },
  {
    selector:
      "CallExpression[callee.property.name=/^\\$(queryRaw|executeRaw)Unsafe$/]:not([arguments.0.type='Literal']):not([arguments.0.type='TemplateLiteral'][arguments.0.expressions.length=0])",
    message: `$queryRawUnsafe/$executeRawUnsafe with SQL built at run time: use ${PARAMETERS} (a constant string passes)`,
  },
  {
    selector: `${CALLS_QUERY} > TemplateLiteral.arguments[expressions.length>0]`,
    message: `SQL text built with \${} in .query()/.execute(): pass the values as parameters ($1 and a values array), or use ${PARAMETERS}`,
  },
  {
    selector: `${CALLS_QUERY} > BinaryExpression.arguments[operator='+']`,
    message: `SQL text built with + in .query()/.execute(): pass the values as parameters ($1 and a values array), or use ${PARAMETERS}`,
  },
  {
    selector: `${COMPILED_RAW} > TemplateLiteral.arguments[expressions.length>0], ${COMPILED_RAW} > BinaryExpression.arguments[operator='+']`,
    message: `SQL text built with \${} or + in CompiledQuery.raw(): pass the values as its parameters array ($1, $2, …), or use ${PARAMETERS}`,
  },
  {
    selector: `${CALLS_QUERY} > ObjectExpression.arguments > Property[key.name='text'] > TemplateLiteral.value[expressions.length>0]`,
    message: `SQL text built with \${} in a query config's text (pg's client.query({ text, values })): put $1 in the text and the value in values, or use ${PARAMETERS}`,
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.data/', 'node_modules/', 'src/generated/', 'prisma/schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // webpack.config.js and src/testing/jest/*.js are in tsconfig.json's program (allowJs).
        projectService: { allowDefaultProject: ['jest.config.js', '*.mjs', '*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are mistakes, except a leading underscore (an ignored parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Nest's decorators and pages are functions the framework calls; `void` marks a promise deliberately not awaited.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // Every eslint-disable and @ts-expect-error carries its reason on the same line (house style).
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'build/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-syntax': ['error', ...STRING_BUILT_SQL] },
  },
  {
    // Runtime code does not know the test runner: tests configure it through its settings.
    files: RUNTIME_FILES,
    ignores: TEST_FILES,
    rules: {
      // Any object: `process.env` is a member expression, which the rule's `object` option cannot name.
      'no-restricted-properties': [
        'error',
        {
          property: 'JEST_WORKER_ID',
          message: 'runtime code must not know Jest; read a setting (e.g. DATABASE_SCHEMA) that the test setup sets',
        },
      ],
      'no-restricted-globals': ['error', { name: 'jest', message: 'runtime code must not use Jest' }],
    },
  },
  {
    // One error convention for components (docs/architecture.md, "Errors"): what the user must act on is a DomainError
    // with a code, which the error filter maps to a status. Nest's exceptions carry a bare status the filter cannot tell
    // apart (a 403 of the CSRF check from a component's "not allowed").
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/common', '@nestjs/core'],
              importNamePattern: 'Exception$',
              message:
                "a component raises DomainError with a code (import { DomainError } from the platform surface, src/surface), not Nest's HttpException or its subclasses; add a code to DomainErrorCode if none fits",
            },
          ],
        },
      ],
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.stringContaining, …) are typed `any` by design.
    files: ['**/*.spec.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    // CommonJS files import with require() (webpack.config.js: the package is not an ES module).
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  prettier,
);
