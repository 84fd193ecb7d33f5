import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENT_MAP_FILE, renderCurrentComponentMap } from '../component-map/current-component-map';
import { COMPONENT_MAP_COMMAND } from '../component-map/render-component-map';
import type { DbCheck } from './db-check.types';

/** docs/component-map.md is committed: it must show the components as their metadata declares them. */
export const componentMapCurrentCheck: DbCheck = {
  name: `${COMPONENT_MAP_FILE} shows the current components`,
  // The executor turns a throw of the synchronous check into a rejection, which db:check reports.
  run: (projectRoot) => new Promise((resolve) => resolve(problemsOf(projectRoot))),
};

function problemsOf(projectRoot: string): string[] {
  const { content, errors } = renderCurrentComponentMap(projectRoot);
  if (content === undefined) return errors;
  const file = join(projectRoot, COMPONENT_MAP_FILE);
  if (!existsSync(file)) return [`${COMPONENT_MAP_FILE} is missing; run ${COMPONENT_MAP_COMMAND} and commit it`];
  if (readFileSync(file, 'utf8') !== content) {
    return [
      `${COMPONENT_MAP_FILE} is stale: a component was added or removed, or its title, dependsOn, events or schedules changed since it was drawn; run ${COMPONENT_MAP_COMMAND} and commit it`,
    ];
  }
  return [];
}
