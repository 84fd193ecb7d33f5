import { runChild } from './child-process';

const PSQL = '/usr/bin/psql';

/**
 * The usual hand-rolled recipe the project's setup is compared with: for each
 * clone, one `pg_dump --schema-only --schema=public`, a blind `sed` of
 * `public.` to `test_<k>.`, dropping only the lines that stop it from running
 * at all (psql 15.14's `\restrict`/`\unrestrict`, and the statements about
 * schema `public` itself), piped into psql with ON_ERROR_STOP, clones one
 * after the other.
 */
const PIPELINE = String.raw`
{
  printf 'DROP SCHEMA IF EXISTS %s CASCADE;\nCREATE SCHEMA %s;\n' "$3" "$3"
  "$1" --schema-only --schema=public --dbname="$2" |
    sed -e "s/public\./$3./g" \
        -e '/^\\restrict /d' -e '/^\\unrestrict /d' \
        -e '/^CREATE SCHEMA public;/d' -e '/^ALTER SCHEMA public /d' -e '/^COMMENT ON SCHEMA public /d'
} | "$4" -X -q -v ON_ERROR_STOP=1 --dbname="$2"
`;

export type RecipeOutcome = { ok: true; ms: number } | { ok: false; ms: number; schema: string; error: string };

/** Clones `public` into test_1 … test_N with the recipe; stops at the first clone that fails. */
export async function runReferenceRecipe(ownerUrl: string, pgDump: string, workers: number): Promise<RecipeOutcome> {
  const started = performance.now();
  for (let k = 1; k <= workers; k++) {
    const schema = `test_${k}`;
    const result = await runChild('bash', ['-o', 'pipefail', '-c', PIPELINE, 'reference-recipe', pgDump, ownerUrl, schema, PSQL], {
      timeoutMs: 120_000,
    });
    if (result.code !== 0) {
      const error = result.timedOut
        ? 'timed out after 120 s'
        : (result.stderr
            .trim()
            .split('\n')
            .find((line) => /ERROR/.test(line)) ?? result.stderr.trim());
      return { ok: false, ms: performance.now() - started, schema, error };
    }
  }
  return { ok: true, ms: performance.now() - started };
}
