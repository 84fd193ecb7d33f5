// Reads src/components/*: metadata and module class of each component, then
// validates them all. Nothing is written here.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ComponentMeta } from '../../src/platform/component-meta';
import { listComponentFolders } from '../component-folders';
import type { BuildStepOutcome } from '../webpack/compilation-hooks';
import { findModuleClasses } from './find-module-class';
import { readComponentMeta } from './read-component-meta';
import { renderComponentsModule, renderRegistry } from './render-registry';
import { ComponentEntry, validateComponents } from './validate-components';

export interface CollectedComponents extends BuildStepOutcome {
  /** Generated file name -> content; empty when there are errors. */
  files: Map<string, string>;
}

export function collectComponents({ projectRoot, componentsDir }: { projectRoot: string; componentsDir: string }): CollectedComponents {
  const shown = (path: string) => relative(projectRoot, path);
  const errors: string[] = [];
  const watched: string[] = [];
  const missing: string[] = [];
  const entries: ComponentEntry[] = [];
  for (const folder of listComponentFolders(componentsDir)) {
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
    const { meta, error } = readComponentMeta(metaFile, shown(metaFile));
    if (error) errors.push(error);
    const moduleExists = existsSync(moduleFile);
    if (moduleExists) watched.push(moduleFile);
    else missing.push(moduleFile);
    entries.push({
      folder,
      metaPath: shown(metaFile),
      modulePath: shown(moduleFile),
      meta,
      moduleClasses: moduleExists ? findModuleClasses(moduleFile) : undefined,
    });
  }
  errors.push(...validateComponents(entries));
  if (errors.length > 0) return { errors, files: new Map(), watched, missing };

  // Valid: every entry has metadata of the right shape and exactly one module class.
  const components = entries.map((e) => ({ folder: e.folder, meta: e.meta as ComponentMeta, moduleClass: e.moduleClasses![0] }));
  const files = new Map([
    ['component-registry.ts', renderRegistry(components)],
    ['components.module.ts', renderComponentsModule(components)],
  ]);
  return { errors, files, watched, missing };
}
