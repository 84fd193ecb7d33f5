import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DMMF } from '@prisma/client/runtime/library';
import { loadGetDmmf } from '../../src/platform/vendor-patches/prisma-internals-engine-commands.patch';

/**
 * The full DMMF datamodel of the multi-file schema in `schemaDir` (the
 * generated `main.prisma` plus one `<componentId>.prisma` per component), as
 * Prisma's own parser sees it: enums, ids, unique and required flags,
 * relation names and their foreign keys.
 *
 * Not `Prisma.dmmf` of the generated client: with `engineType = "client"`
 * Prisma 6.19 prunes it (no enums, no id or required flags).
 *
 * `getDMMF` runs on the WebAssembly schema parser bundled with
 * `@prisma/internals` (a devDependency pinned to the Prisma version), so it
 * works offline. It is loaded on first use and from its own module: the
 * package's index costs about 0.9 s to require, this module about 0.1 s
 * (a vendor patch: src/platform/vendor-patches/prisma-internals-engine-commands.patch.ts).
 */
export async function readFullDmmf(schemaDir: string): Promise<DMMF.Datamodel> {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith('.prisma'))
    .sort()
    .map((name): [string, string] => [join(schemaDir, name), readFileSync(join(schemaDir, name), 'utf8')]);
  if (files.length === 0) throw new Error(`${schemaDir} holds no .prisma files; run npm run generate first`);
  const getDMMF = await loadGetDmmf();
  const document = await getDMMF({ datamodel: files });
  return document.datamodel;
}
