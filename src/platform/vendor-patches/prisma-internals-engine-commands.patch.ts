import { assertVendorPatch, hookPointMissing } from './vendor-patch-check';

/**
 * Prisma's own schema parser and formatter (WebAssembly, offline), loaded
 * from their modules under `@prisma/internals/dist/engine-commands/` rather
 * than the package index, which costs about 0.9 s to require (this about
 * 0.1 s). Build-time only (manifest entry "prisma-internals-engine-commands";
 * `@prisma/internals` is a devDependency pinned to the Prisma version).
 */
const PATCH = 'prisma-internals-engine-commands';

type EngineCommands = typeof import('@prisma/internals/dist/engine-commands/getDmmf') &
  typeof import('@prisma/internals/dist/engine-commands/formatSchema');

async function load<Name extends keyof EngineCommands>(
  name: Name,
  module: Promise<Partial<EngineCommands>>,
): Promise<EngineCommands[Name]> {
  assertVendorPatch(PATCH);
  const command = (await module)[name];
  if (typeof command !== 'function') throw hookPointMissing(PATCH, `@prisma/internals/dist/engine-commands no longer exports ${name}`);
  return command as EngineCommands[Name];
}

/** `getDMMF`: the full DMMF of a schema, as Prisma's parser sees it. */
export function loadGetDmmf(): Promise<EngineCommands['getDMMF']> {
  return load('getDMMF', import('@prisma/internals/dist/engine-commands/getDmmf'));
}

/** `formatSchema`: Prisma's formatter, as `prisma format` runs it. */
export function loadFormatSchema(): Promise<EngineCommands['formatSchema']> {
  return load('formatSchema', import('@prisma/internals/dist/engine-commands/formatSchema'));
}
