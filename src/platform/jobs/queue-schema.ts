/**
 * The schema holding the job queue (graphile-worker's tables and functions)
 * beside the app's schema: `jobs` for `public`, else `<schema>_jobs`
 * (`test_3` -> `test_3_jobs`). Prisma never sees it.
 */
export function queueSchemaFor(databaseSchema: string): string {
  return databaseSchema === 'public' ? 'jobs' : `${databaseSchema}_jobs`;
}
