import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import { parser } from 'typescript-eslint';

// The ESLint rule against SQL built from strings (eslint.config.mjs), taken
// from the real configuration for a given file and applied to snippets.
const repoRoot = resolve(__dirname, '..', '..');

const RUNTIME = ['src/database/runtime/prisma.service.ts', 'build/db-check/db-check.ts'] as const;
const TESTS = [
  'src/server/test/database-failures.spec.ts',
  'src/testing/reset-worker-schema.ts',
  'build/architecture/string-built-sql.spec.ts',
] as const;
const FILES = [...RUNTIME, ...TESTS] as const;
type File = (typeof FILES)[number];

/** The no-restricted-syntax setting ESLint's configuration gives each file; computed in a child, since the config is an ES module. */
function restrictedSyntaxByFile(): Record<File, Linter.RuleEntry | undefined> {
  const script = `const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.argv[1] });
Promise.all(process.argv.slice(2).map((file) => eslint.calculateConfigForFile(file).then((config) => [file, config.rules['no-restricted-syntax']])))
  .then((entries) => process.stdout.write(JSON.stringify(Object.fromEntries(entries))));`;
  const result = spawnSync(process.execPath, ['-e', script, repoRoot, ...FILES], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`eslint could not compute the configuration: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<File, Linter.RuleEntry | undefined>;
}

let configured: ReturnType<typeof restrictedSyntaxByFile>;

/** What ESLint says about `code` in `file`, one `line: message` each. */
function problems(file: File, code: string): string[] {
  const setting = configured[file];
  const rules: Linter.RulesRecord = setting ? { 'no-restricted-syntax': setting } : {};
  return new Linter({ configType: 'flat' })
    .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser, sourceType: 'module' }, rules }], { filename: 'snippet.ts' })
    .map((message) => `${message.line}: ${message.message}`);
}

const PARAMETERS = /Kysely's sql`…\$\{value\}…` tag or Prisma's \$queryRaw`…\$\{value\}…`.*send each value as a parameter/;

describe('SQL built from strings (npm run lint)', () => {
  beforeAll(() => {
    configured = restrictedSyntaxByFile();
  });

  it.each(RUNTIME)('is rejected in %s, each message naming the parameterised form to use instead', (file) => {
    const found = problems(
      file,
      `declare const sql: any, Prisma: any, prisma: any, client: any, db: any, CompiledQuery: any, id: string, table: string;
sql\`SELECT * FROM posts ORDER BY \${sql.raw(table)}\`;
sql.lit(id);
prisma.$queryRaw\`SELECT * FROM \${Prisma.raw(table)}\`;
prisma.$queryRawUnsafe(\`SELECT * FROM posts WHERE id = '\${id}'\`);
prisma.$executeRawUnsafe('DELETE FROM posts WHERE id = ' + id);
client.query(\`SELECT * FROM posts WHERE id = '\${id}'\`);
db.execute('DELETE FROM posts WHERE id = ' + id);
CompiledQuery.raw(\`SELECT * FROM posts WHERE id = '\${id}'\`);
CompiledQuery.raw('DELETE FROM posts WHERE id = ' + id, []);
client.query({ text: \`SELECT * FROM posts WHERE id = '\${id}'\` });
`,
    );

    expect(found).toEqual([
      expect.stringMatching(/^2: sql\.raw\(\)\/sql\.lit\(\) put text into the SQL unescaped: use Kysely's sql`/),
      expect.stringMatching(/^3: sql\.raw\(\)\/sql\.lit\(\) put text into the SQL unescaped/),
      expect.stringMatching(/^4: Prisma\.raw\(\) puts text into the SQL unescaped: use Kysely's sql`/),
      expect.stringMatching(/^5: \$queryRawUnsafe\/\$executeRawUnsafe with SQL built at run time: use Kysely's sql`/),
      expect.stringMatching(/^6: \$queryRawUnsafe\/\$executeRawUnsafe with SQL built at run time/),
      expect.stringMatching(
        /^7: SQL text built with \$\{\} in \.query\(\)\/\.execute\(\): pass the values as parameters \(\$1 and a values array\)/,
      ),
      expect.stringMatching(/^8: SQL text built with \+ in \.query\(\)\/\.execute\(\): pass the values as parameters/),
      expect.stringMatching(/^9: SQL text built with \$\{\} or \+ in CompiledQuery\.raw\(\): pass the values as its parameters array/),
      expect.stringMatching(/^10: SQL text built with \$\{\} or \+ in CompiledQuery\.raw\(\)/),
      expect.stringMatching(
        /^11: SQL text built with \$\{\} in a query config's text \(pg's client\.query\(\{ text, values \}\)\): put \$1 in the text/,
      ),
    ]);
    for (const message of found) expect(message).toMatch(PARAMETERS);
  });

  it('lets the parameterised forms and constant SQL pass', () => {
    const found = problems(
      'src/database/runtime/prisma.service.ts',
      `declare const sql: any, prisma: any, client: any, db: any, CompiledQuery: any, id: string;
sql\`SELECT * FROM posts WHERE id = \${id}\`.execute(db);
prisma.$queryRaw\`SELECT * FROM posts WHERE id = \${id}\`;
prisma.$executeRaw\`DELETE FROM posts WHERE id = \${id}\`;
prisma.$queryRawUnsafe('SELECT * FROM posts WHERE id = $1', id);
prisma.$executeRawUnsafe(\`CREATE TABLE a (id int); CREATE TABLE b (id int)\`);
client.query('SELECT * FROM posts WHERE id = $1', [id]);
db.selectFrom('DemoPost').where('id', '=', id).execute();
CompiledQuery.raw('SELECT * FROM posts WHERE id = $1', [id]);
client.query({ text: 'SELECT * FROM posts WHERE id = $1', values: [id] });
const message = { text: \`post \${id} not found\` };
`,
    );

    expect(found).toEqual([]);
  });

  it.each(TESTS)('is not checked in the test file %s, which builds SQL from its own schema and role names', (file) => {
    expect(configured[file]).toBeUndefined();
  });
});
