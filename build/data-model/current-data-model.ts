// docs/data-model.md as the component schemas are now: shared by
// `npm run db:erd` (writes it) and `npm run db:check` (compares it).
import { join } from 'node:path';
import { collectComponents } from '../component-discovery/collect-components';
import { collectSchemas } from '../database-schema/collect-schemas';
import { SchemaFactsCache } from '../database-schema/schema-facts-cache';
import { writeSchemas } from '../database-schema/write-schemas';
import { renderDataModelFromSchemaDir } from './write-data-model';

/** Where the picture lives, relative to the project root. */
export const DATA_MODEL_FILE = join('docs', 'data-model.md');

export async function renderCurrentDataModel(projectRoot: string): Promise<{ content?: string; errors: string[] }> {
  const componentsDir = join(projectRoot, 'src', 'components');
  const components = collectComponents({ projectRoot, componentsDir });
  const schemas = collectSchemas({
    projectRoot,
    componentsDir,
    dependencies: components.dependencies,
    settings: components.schemaSettings,
    cache: SchemaFactsCache.forProject(projectRoot),
  });
  const errors = [...components.errors, ...schemas.errors];
  if (errors.length > 0) return { errors };
  const schemaDir = join(projectRoot, 'prisma', 'schema');
  writeSchemas(schemaDir, schemas.files);
  return { content: await renderDataModelFromSchemaDir(schemaDir, schemas.owners, components.dependencies), errors: [] };
}
