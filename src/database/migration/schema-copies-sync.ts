import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Set by {@link runMigrateDeploy} for the CLI it starts: prisma.config.ts then
 * leaves prisma/schema/ as the build (or `npm run generate`) wrote it.
 */
export const SKIP_SCHEMA_COPIES_SYNC = 'SKIP_SCHEMA_COPIES_SYNC';

/**
 * Whether prisma.config.ts should refresh prisma/schema/ from the component
 * schemas before the command runs. It always does, except for the
 * `migrate deploy` that `npm start` and the test setup run right after the
 * build or generate step that wrote the copies: deploy applies
 * prisma/migrations and reads the schema only for its datasource, and the
 * refresh (it loads the TypeScript compiler to read every component.meta.ts)
 * is a third of that command's second. Without copies it refreshes anyway.
 */
export function schemaCopiesNeedSync(env: NodeJS.ProcessEnv, projectRoot: string): boolean {
  return env[SKIP_SCHEMA_COPIES_SYNC] !== '1' || !existsSync(join(projectRoot, 'prisma', 'schema', 'main.prisma'));
}
