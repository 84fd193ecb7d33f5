import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_MODEL_FILE, renderCurrentDataModel } from '../data-model/current-data-model';
import type { DbCheck } from './db-check.types';

/** docs/data-model.md is committed: it must show the schemas as they are. */
export const dataModelCurrentCheck: DbCheck = {
  name: `${DATA_MODEL_FILE} shows the current component schemas`,
  async run(projectRoot) {
    const { content, errors } = await renderCurrentDataModel(projectRoot);
    if (content === undefined) return errors;
    const file = join(projectRoot, DATA_MODEL_FILE);
    if (!existsSync(file)) return [`${DATA_MODEL_FILE} is missing; run npm run db:erd and commit it`];
    if (readFileSync(file, 'utf8') !== content) {
      return [`${DATA_MODEL_FILE} is stale: a component schema or dependsOn changed since it was drawn; run npm run db:erd and commit it`];
    }
    return [];
  },
};
