// Reads src/components/*: metadata and module class of each component, then
// validates them all. Nothing is written here.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ComponentMeta } from '../../src/platform/component-meta';
import { listComponentFolders } from '../component-folders';
import { ComponentSchemaSettings, schemaSettingsOf } from '../database-schema/component-schema-settings';
import type { BuildStepOutcome } from '../webpack/compilation-hooks';
import { dependencyOrder } from './dependency-order';
import { DiscoveryCache } from './discovery-cache';
import { renderComponentSeeds, renderComponentsModule, renderRegistry } from './render-registry';
import { ComponentEntry, validateComponents } from './validate-components';
import { validateEventsAndSchedules } from './validate-events-and-schedules';

export interface CollectedComponents extends BuildStepOutcome {
  /**
   * Generated file name -> content, listing every component without an error
   * of its own. A component with one is left out until it is fixed: the
   * build that reports the error is never run, and an entry kept from an
   * older build could import a file or class that no longer exists.
   */
  files: Map<string, string>;
  /** The metadata of every component without an error of its own, sorted by folder (docs/component-map.md draws them). */
  components: ComponentMeta[];
  /** Component id -> the ids its `dependsOn` lists (as far as readable when there are errors). */
  dependencies: Map<string, string[]>;
  /** Component id -> its preview features and name-prefix setting (as far as readable when there are errors). */
  schemaSettings: Map<string, ComponentSchemaSettings>;
  /** Every folder under the components folder, sorted: the build's one scan, which the schema step reuses. */
  folders: string[];
}

/** A component's optional seed, run by `npx prisma db seed` (docs/guides/database.md). */
export const SEED_FILE = join('prisma', 'seed.ts');

export interface CollectComponentsOptions {
  projectRoot: string;
  componentsDir: string;
  /** Default: the project's cache in node_modules/.cache (see discovery-cache.ts). */
  cache?: DiscoveryCache;
}

export function collectComponents({
  projectRoot,
  componentsDir,
  cache = DiscoveryCache.forProject(projectRoot),
}: CollectComponentsOptions): CollectedComponents {
  const shown = (path: string) => relative(projectRoot, path);
  const errors: string[] = [];
  /** Folders with an error of their own: left out of the generated files. */
  const failed = new Set<string>();
  const watched: string[] = [];
  const missing: string[] = [];
  const entries: ComponentEntry[] = [];
  const folders = listComponentFolders(componentsDir);
  for (const folder of folders) {
    const metaFile = join(componentsDir, folder, 'component.meta.ts');
    const moduleFile = join(componentsDir, folder, 'component.module.ts');
    if (!existsSync(metaFile)) {
      missing.push(metaFile);
      errors.push(
        `${shown(join(componentsDir, folder))}: has no component.meta.ts; add one (see docs/guides/components.md) or move the folder out of src/components`,
      );
      continue;
    }
    watched.push(metaFile);
    const { meta, error } = cache.meta(readFileSync(metaFile, 'utf8'), metaFile);
    if (error) {
      errors.push(`${shown(metaFile)}${error.line === undefined ? '' : `:${error.line}`}: ${error.text}`);
      failed.add(folder);
    }
    const moduleExists = existsSync(moduleFile);
    if (moduleExists) watched.push(moduleFile);
    else missing.push(moduleFile);
    entries.push({
      folder,
      metaPath: shown(metaFile),
      modulePath: shown(moduleFile),
      meta,
      moduleClasses: moduleExists ? cache.moduleClasses(readFileSync(moduleFile, 'utf8'), moduleFile) : undefined,
    });
  }
  cache.save();
  for (const problem of [...validateComponents(entries), ...validateEventsAndSchedules(entries)]) {
    errors.push(problem.text);
    failed.add(problem.folder);
  }
  const schemaSettings = new Map(entries.map((entry) => [entry.folder, schemaSettingsOf(entry.meta)]));

  // Valid: every such entry has metadata of the right shape and exactly one module class.
  const byId = new Map(
    entries
      .filter((e) => !failed.has(e.folder))
      .map((e) => {
        const seedFile = join(componentsDir, e.folder, SEED_FILE);
        const hasSeed = existsSync(seedFile);
        (hasSeed ? watched : missing).push(seedFile);
        return [e.folder, { folder: e.folder, meta: e.meta as ComponentMeta, moduleClass: e.moduleClasses![0], hasSeed }];
      }),
  );
  const valid = new Map([...byId].map(([id, c]) => [id, c.meta.dependsOn ?? []]));
  // Validation rejected cycles, so there is an order, dependencies first (a
  // second cycle behind the reported one fails the build anyway: name order then).
  const ordered = (dependencyOrder(valid).order ?? [...byId.keys()]).map((id) => byId.get(id)!);
  const files = new Map([
    ['component-registry.ts', renderRegistry([...byId.values()])],
    ['components.module.ts', renderComponentsModule(ordered)],
    ['component-seeds.ts', renderComponentSeeds(ordered)],
  ]);
  const dependencies = errors.length > 0 ? declaredDependencies(entries) : valid;
  const components = [...byId.values()].map((c) => c.meta);
  return { errors, files, components, dependencies, schemaSettings, folders, watched, missing };
}

/** What each readable meta declares, even when some metadata is invalid: the schema checks still run on it. */
function declaredDependencies(entries: ComponentEntry[]): Map<string, string[]> {
  return new Map(
    entries.map((entry) => {
      const dependsOn = (entry.meta as { dependsOn?: unknown } | undefined)?.dependsOn;
      const ids = Array.isArray(dependsOn) ? dependsOn.filter((id): id is string => typeof id === 'string') : [];
      return [entry.folder, ids];
    }),
  );
}
