import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Prisma's WebAssembly schema engine (`engine: 'js'` in prisma.config.ts)
// applies a migration through the driver adapter, whose executeScript cuts
// the file at every semicolon, in comments and quotes too, and runs the
// pieces one by one. A semicolon that does not end a statement then breaks
// the migration with a bare "syntax error at or near …" (or, at the end of a
// comment line, happens to work until an edit around it). prisma.config.ts
// checks every migration before any command runs, so the message names the
// file and line instead.

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
export function strandedSemicolons(sql: string): { line: number; inside: Inside }[] {
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

/** One line per semicolon that does not end a statement, in every migration under `migrationsDir`, naming file:line and the fix. */
export function migrationSemicolonProblems(migrationsDir: string, projectRoot = process.cwd()): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .flatMap(({ name }) => {
      const path = join(migrationsDir, name, 'migration.sql');
      return strandedSemicolons(readFileSync(path, 'utf8')).map(
        ({ line, inside }) =>
          `${relative(projectRoot, path)}:${line}: a semicolon inside ${inside}. Prisma's WebAssembly schema engine cuts migrations at every semicolon, even there, and runs what follows as SQL (migrate deploy then fails with "syntax error at or near …"); ${FIX[inside]}.`,
      );
    });
}
