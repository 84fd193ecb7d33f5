import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrationSemicolonProblems, strandedSemicolons } from '../migration-semicolons';

// Every migration, whichever component it belongs to, is applied by Prisma's
// WebAssembly schema engine, which cuts it at every semicolon (see
// ../migration-semicolons.ts). prisma.config.ts refuses to run any command
// while one is stranded; this test also names it when the migrations still
// happen to apply (a semicolon ending a comment line).

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'prisma', 'migrations');

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
    const problems = migrationSemicolonProblems(MIGRATIONS, join(MIGRATIONS, '..', '..'));

    expect(problems).toEqual([]);
  });
});
