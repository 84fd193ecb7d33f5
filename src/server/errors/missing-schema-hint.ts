/**
 * Prisma's "table does not exist" (P2021) and "column does not exist" (P2022)
 * mean the code runs against a database without its latest migration: in
 * development a schema edited without `migrate dev`, in production a deploy
 * that skipped `migrate deploy`. The log line says so, instead of only the
 * column Prisma names.
 */
export function missingSchemaHint(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'P2021' && code !== 'P2022') return undefined;
  const what = code === 'P2021' ? 'a table' : 'a column';
  return `the database lacks ${what} the code uses (${code}): a schema changed without a migration? In development run npx prisma migrate dev --name <name>; in production npx prisma migrate deploy`;
}
