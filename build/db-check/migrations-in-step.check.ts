import { compareSchemaWithMigrations, MIGRATE_DEV_COMMAND } from '../../src/database/migration/schema-migrations-comparison';
import type { DbCheck } from './db-check.types';

/** Fails when a component schema was edited and `npx prisma migrate dev` was not run (or its migration not committed). */
export const migrationsInStepCheck: DbCheck = {
  name: 'prisma/migrations produce the collected schema',
  async run(projectRoot) {
    const { inStep, differences } = await compareSchemaWithMigrations({ projectRoot });
    if (inStep) return [];
    const indented = differences ? `\n${differences.replace(/^(?=.)/gm, '    ')}` : '';
    return [
      `the component schemas differ from what prisma/migrations produces; run ${MIGRATE_DEV_COMMAND} and commit the new folder under prisma/migrations/. A new migration would change:${indented}`,
    ];
  },
};
