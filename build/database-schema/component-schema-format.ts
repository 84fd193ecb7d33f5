// Component schemas in Prisma's own layout (`npm run format`, checked by
// `npm run lint`). `npx prisma format` cannot do it: it formats the collected
// copies in prisma/schema/ (generated, ignored), and given a component schema
// with --schema it fails on the first native type (`@db.Uuid`), because a
// component schema has no datasource of its own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadFormatSchema } from '../../src/platform/vendor-patches/prisma-internals-engine-commands.patch';
import { listComponentFolders } from '../component-folders';

/** The command that fixes what {@link unformattedComponentSchemas} reports. */
export const FORMAT_COMMAND = 'npm run format';

/**
 * `source` as Prisma's formatter (the WebAssembly one of `@prisma/internals`,
 * pinned with `prisma`) lays it out, as `prisma format` would a schema of
 * this one file. The formatter needs no datasource for native types
 * (`@db.Uuid`); it is `prisma format`'s validation afterwards that fails on
 * them without one. A schema whose relations stay inside it also gets the
 * back-relation fields Prisma adds; one that refers to another component's
 * model is laid out only (the build adds that model's back-relations to its
 * copy). Other components' schemas are not given as context on purpose: the
 * formatter would add back-relation fields to them.
 */
export async function formatComponentSchema(path: string, source: string): Promise<string> {
  // Its own module, not the package's index (about 0.9 s to require; a vendor patch).
  const formatSchema = await loadFormatSchema();
  const formatted = await formatSchema({ schemas: [[path, source]] });
  const own = formatted.find(([file]) => file === path);
  if (!own) throw new Error(`Prisma's formatter returned no text for ${path}`);
  return own[1];
}

export interface SchemaFormatResult {
  /** Project-relative paths of the component schemas that are not (or, after writing, were not) formatted. */
  unformatted: string[];
}

/** Every `src/components/<id>/prisma/schema.prisma`, project-relative, sorted. */
export function componentSchemaFiles(projectRoot: string): string[] {
  const componentsDir = join(projectRoot, 'src', 'components');
  return listComponentFolders(componentsDir)
    .map((id) => join(componentsDir, id, 'prisma', 'schema.prisma'))
    .filter((file) => existsSync(file))
    .map((file) => relative(projectRoot, file));
}

/**
 * Formats every component schema; with `write`, rewrites those that change.
 * Only a schema that Prisma lays out differently counts: a syntax error is
 * left for the build to report with its line.
 */
export async function formatComponentSchemas(projectRoot: string, { write }: { write: boolean }): Promise<SchemaFormatResult> {
  const unformatted: string[] = [];
  for (const file of componentSchemaFiles(projectRoot)) {
    const absolute = join(projectRoot, file);
    const source = readFileSync(absolute, 'utf8');
    const formatted = await formatComponentSchema(file, source);
    if (formatted === source) continue;
    unformatted.push(file);
    if (write) writeFileSync(absolute, formatted);
  }
  return { unformatted };
}

/** One line per unformatted schema, naming it and the command that fixes it. */
export function unformattedSchemaLines(unformatted: readonly string[]): string[] {
  return unformatted.map(
    (file) => `${file}: not laid out as Prisma formats it; run ${FORMAT_COMMAND} (it runs Prisma's formatter on every component schema)`,
  );
}
