// Reads what the scaffolder checks a new id against: every folder under
// src/components with its declared routes, navigation order and schema names.
// A component whose metadata or schema cannot be read still counts as taken;
// the build reports its problems, not the scaffolder.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listComponentFolders } from '../component-folders';
import { evaluateComponentMeta } from '../component-discovery/read-component-meta';
import { readSchemaFacts } from '../database-schema/schema-facts';
import type { ExistingComponent } from './component-id-rules';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readExistingComponents(projectRoot: string, componentsDir: string): ExistingComponent[] {
  return listComponentFolders(componentsDir).map((id) => {
    const metaFile = join(componentsDir, id, 'component.meta.ts');
    const schemaFile = join(componentsDir, id, 'prisma', 'schema.prisma');
    const metaPath = relative(projectRoot, metaFile);
    const meta = existsSync(metaFile) ? evaluateComponentMeta(readFileSync(metaFile, 'utf8'), metaFile).meta : undefined;
    const routes = isObject(meta) && Array.isArray(meta.routes) ? meta.routes : [];
    const nav = isObject(meta) && isObject(meta.nav) ? meta.nav : undefined;
    const component: ExistingComponent = {
      id,
      metaPath,
      routes: routes.filter(isObject).flatMap((route) => (typeof route.path === 'string' ? [route.path] : [])),
      declaredNames: [],
    };
    if (nav) component.navOrder = typeof nav.order === 'number' && Number.isFinite(nav.order) ? nav.order : 100;
    if (existsSync(schemaFile)) {
      component.schemaPath = relative(projectRoot, schemaFile);
      const { facts } = readSchemaFacts(readFileSync(schemaFile, 'utf8'));
      component.declaredNames = (facts?.blocks ?? [])
        .filter((block) => block.kind !== 'datasource' && block.kind !== 'generator')
        .flatMap((block) => [block.name, ...(block.mappedName ? [block.mappedName.name] : [])]);
    }
    return component;
  });
}
