// Reads src/components/*: metadata and module class of each component, then
// validates them all. Nothing is written here.
const { existsSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { findModuleClasses } = require('./find-module-class');
const { readComponentMeta } = require('./read-component-meta');
const { renderComponentsModule, renderRegistry } = require('./render-registry');
const { validateComponents } = require('./validate-components');

/**
 * @returns {{ errors: string[], files: Map<string, string>, watched: string[], missing: string[] }}
 *   files: generated file name -> content (empty when there are errors)
 */
function collectComponents({ projectRoot, componentsDir }) {
  const shown = (path) => relative(projectRoot, path);
  const folders = existsSync(componentsDir)
    ? readdirSync(componentsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  const errors = [];
  const watched = [];
  const missing = [];
  const entries = [];
  for (const folder of folders) {
    const metaFile = join(componentsDir, folder, 'component.meta.ts');
    const moduleFile = join(componentsDir, folder, 'component.module.ts');
    if (!existsSync(metaFile)) {
      missing.push(metaFile);
      errors.push(`${shown(join(componentsDir, folder))}: has no component.meta.ts; add one (see docs/guides/components.md) or move the folder out of src/components`);
      continue;
    }
    watched.push(metaFile);
    const { meta, error } = readComponentMeta(metaFile, shown(metaFile));
    if (error) errors.push(error);
    const moduleExists = existsSync(moduleFile);
    if (moduleExists) watched.push(moduleFile);
    else missing.push(moduleFile);
    entries.push({ folder, metaPath: shown(metaFile), modulePath: shown(moduleFile), meta, moduleClasses: moduleExists ? findModuleClasses(moduleFile) : undefined });
  }
  errors.push(...validateComponents(entries));
  if (errors.length > 0) return { errors, files: new Map(), watched, missing };

  const components = entries.map((e) => ({ folder: e.folder, meta: e.meta, moduleClass: e.moduleClasses[0] }));
  const files = new Map([
    ['component-registry.ts', renderRegistry(components)],
    ['components.module.ts', renderComponentsModule(components)],
  ]);
  return { errors, files, watched, missing };
}

module.exports = { collectComponents };
