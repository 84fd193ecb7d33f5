// Collect + write in one call, for callers other than the webpack plugin
// (prisma.config.ts refreshes the copies before every Prisma CLI command, so
// `npx prisma migrate dev` sees a component schema edited since the last build).
import { join } from 'node:path';
import { collectComponents } from '../component-discovery/collect-components';
import { collectSchemas, CollectedSchemas } from './collect-schemas';
import { SchemaFactsCache } from './schema-facts-cache';
import { writeSchemas } from './write-schemas';

export function syncSchemaCopies(projectRoot: string): CollectedSchemas {
  const componentsDir = join(projectRoot, 'src', 'components');
  const { dependencies, schemaSettings: settings } = collectComponents({ projectRoot, componentsDir });
  const collected = collectSchemas({ projectRoot, componentsDir, dependencies, settings, cache: SchemaFactsCache.forProject(projectRoot) });
  if (collected.errors.length === 0) writeSchemas(join(projectRoot, 'prisma', 'schema'), collected.files);
  return collected;
}
