import { readFullDmmf } from './read-full-dmmf';
import { renderDataModel } from './render-data-model';

/**
 * docs/data-model.md for the collected schema in `schemaDir` (prisma/schema/):
 * its full DMMF through Prisma's own parser, rendered with the owners and
 * dependencies the component discovery supplies. The caller writes it (and
 * compares it, for `db:check`).
 */
export async function renderDataModelFromSchemaDir(
  schemaDir: string,
  owners: ReadonlyMap<string, string>,
  dependsOn: ReadonlyMap<string, readonly string[]>,
): Promise<string> {
  return renderDataModel({ datamodel: await readFullDmmf(schemaDir), owners, dependsOn });
}
