import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every migration, whichever component it belongs to, is applied by Prisma's
// WebAssembly schema engine (`engine: 'js'` in prisma.config.ts) through the
// driver adapter, whose executeScript cuts the file at every semicolon, in
// comments and quotes too, and runs the pieces one by one. A semicolon that
// does not end a statement usually breaks the migration with a bare "syntax
// error at or near …". When it does, jest.globalSetup (which migrates first)
// stops the run before this file can name the line; this check catches the
// semicolons that still happen to apply (one ending a comment line), before
// an edit around them breaks a deploy.

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'prisma', 'migrations');

type Inside = 'a comment' | 'a string literal' | 'a quoted name' | 'a dollar-quoted body';

const FIX: Record<Inside, string> = {
  'a comment': 'reword the comment without it',
  'a string literal': 'build the text without it (chr(59) is a semicolon) or set the value outside the migration',
  'a quoted name': 'rename without it',
  'a dollar-quoted body':
    'a function body with semicolons cannot be applied this way; keep it to one statement without one, or apply it outside prisma migrate',
};

/**
 * The semicolons of a SQL script that do not end a statement, with their
 * line (1-based). Knows `--` and `/* *\/` comments, '…' strings ('' inside
 * included), "…" names and $tag$…$tag$ bodies; not E'…' strings with
 * backslash escapes, which the migrations Prisma writes do not use.
 */
function strandedSemicolons(sql: string): { line: number; inside: Inside }[] {
  const found: { line: number; inside: Inside }[] = [];
  let line = 1;
  /** Walks from `from` to just past `closer` (or the end), noting semicolons; returns where it stopped. */
  const skip = (from: number, closer: string, inside: Inside) => {
    const close = sql.indexOf(closer, from);
    const end = close === -1 ? sql.length : close + closer.length;
    for (let k = from; k < end; k++) {
      if (sql[k] === '\n') line++;
      else if (sql[k] === ';') found.push({ line, inside }); // no closer holds a semicolon
    }
    return end;
  };
  for (let i = 0; i < sql.length;) {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0];
    if (sql.startsWith('--', i)) i = skip(i + 2, '\n', 'a comment');
    else if (sql.startsWith('/*', i)) i = skip(i + 2, '*/', 'a comment');
    else if (sql[i] === "'") i = skip(i + 1, "'", 'a string literal');
    else if (sql[i] === '"') i = skip(i + 1, '"', 'a quoted name');
    else if (tag && !/[\w$]/.test(sql[i - 1] ?? '')) i = skip(i + tag.length, tag, 'a dollar-quoted body');
    else {
      if (sql[i] === '\n') line++;
      i++;
    }
  }
  return found;
}

describe('migration SQL, as the WebAssembly schema engine splits it', () => {
  describe('strandedSemicolons', () => {
    it('finds a semicolon in a -- comment and names its line', () => {
      expect(strandedSemicolons('-- fine\n-- one; two\nSELECT 1;\n')).toEqual([{ line: 2, inside: 'a comment' }]);
    });

    it('finds semicolons in block comments, strings, quoted names and dollar-quoted bodies', () => {
      const sql =
        '/* a;\n b */ SELECT \'x;y\', "odd;name";\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;';

      expect(strandedSemicolons(sql)).toEqual([
        { line: 1, inside: 'a comment' },
        { line: 2, inside: 'a string literal' },
        { line: 2, inside: 'a quoted name' },
        { line: 3, inside: 'a dollar-quoted body' },
      ]);
    });

    it('accepts statement ends, -- inside a string, doubled quotes and $1 parameters', () => {
      expect(strandedSemicolons("SELECT '--', 'it''s';\nSELECT $1;\n-- no semicolon here\nSELECT 2;")).toEqual([]);
    });
  });

  it('no migration under prisma/migrations has a semicolon anywhere but at the end of a statement', () => {
    // An empty list would also pass if the folder moved: the lock file is there even with no migrations.
    expect(existsSync(join(MIGRATIONS, 'migration_lock.toml'))).toBe(true);
    const migrations = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory());

    const problems = migrations.flatMap(({ name }) => {
      const file = `prisma/migrations/${name}/migration.sql`;
      return strandedSemicolons(readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8')).map(
        ({ line, inside }) =>
          `${file}:${line}: a semicolon inside ${inside}. Prisma's WebAssembly schema engine cuts migrations at every semicolon, even there, and runs what follows as SQL (migrate deploy then fails with "syntax error at or near …"); ${FIX[inside]}.`,
      );
    });

    expect(problems).toEqual([]);
  });
});
