// The checks `npm run db:check` runs, in order. Add a check by appending it.
import { componentMapCurrentCheck } from './component-map-current.check';
import { dataModelCurrentCheck } from './data-model-current.check';
import type { DbCheck } from './db-check.types';
import { migrationsInStepCheck } from './migrations-in-step.check';

export const DB_CHECKS: readonly DbCheck[] = [migrationsInStepCheck, dataModelCurrentCheck, componentMapCurrentCheck];
