import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertVendorPatch, hookPointMissing, installedPackageDir, VendorPatchCheckOptions } from './vendor-patch-check';

/**
 * `prisma studio` of Prisma 6.19.3 without a native query engine.
 *
 * Studio builds its own Prisma Client from `prisma/prisma-client/runtime/library.js`
 * and hands it the driver adapter of `studio.adapter` in prisma.config.ts
 * (the configuration Prisma documents). But that runtime still loads the
 * native query engine library, which this project never downloads (the CLI
 * then fails with "Unable to require(`…`) … invalid ELF header" on the file
 * prisma.config.ts puts in PRISMA_QUERY_ENGINE_LIBRARY). The same runtime
 * runs the WebAssembly query engine instead when its configuration carries
 * `engineWasm` (its `LibraryEngine` picks the wasm loader then, and requires
 * a driver adapter, which Studio has); the `prisma` package ships that
 * engine for PostgreSQL (`build/query_engine_bg.postgresql.{js,wasm}`). Studio
 * never passes it, so `getPrismaClient` is wrapped, for the runtime module
 * Studio requires and only there, to add it.
 *
 * Read from prisma 6.19.3: packages/cli/src/Studio.ts, the bundled
 * @prisma/studio-server (`getPrismaClient` from `${prismaClient}/runtime/${engineType}`)
 * and runtime/library.js (`LibraryEngine`, `engineWasm`). Prisma 7 drops the
 * native engines; the manifest entry "prisma-studio-query-engine" makes a
 * version change fail loudly, and a missing runtime module or engine file
 * throws instead of leaving Studio on the native engine.
 */
const PATCH = 'prisma-studio-query-engine';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
interface ModuleWithLoader {
  _load: Loader;
}
interface EngineWasm {
  getRuntime(): Promise<unknown>;
  getQueryEngineWasmModule(): Promise<unknown>;
}
type GetPrismaClient = (config: { engineWasm?: EngineWasm }) => unknown;

const wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object } }).WebAssembly;
const INSTALLED = Symbol.for('component-platform.studio-query-engine.installed');

/** The installed `prisma` package's folder. */
function prismaPackageDir(options: VendorPatchCheckOptions = {}): string {
  return installedPackageDir('prisma', options)!;
}

const HOOK_FILES = [
  ['prisma-client', 'runtime', 'library.js'],
  ['build', 'query_engine_bg.postgresql.js'],
  ['build', 'query_engine_bg.postgresql.wasm'],
];

/** The WebAssembly query engine for PostgreSQL that the `prisma` package ships. */
export function postgresQueryEngineWasm(prismaDir = prismaPackageDir()): EngineWasm {
  return {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine's CommonJS glue, loaded only when Studio builds its client
    getRuntime: () => Promise.resolve(require(join(prismaDir, 'build', 'query_engine_bg.postgresql.js')) as unknown),
    getQueryEngineWasmModule: () =>
      Promise.resolve(new wasm.Module(readFileSync(join(prismaDir, 'build', 'query_engine_bg.postgresql.wasm')))),
  };
}

/**
 * Makes the Prisma Client that Studio builds in this process run on the
 * WebAssembly query engine (see above). Idempotent; throws VendorPatchError
 * when the installed Prisma is not the manifest's version or lacks a file
 * the patch hooks into.
 */
export function giveStudioTheWasmQueryEngine(options: VendorPatchCheckOptions = {}): void {
  assertVendorPatch(PATCH, options);
  const prismaDir = prismaPackageDir(options);
  for (const parts of HOOK_FILES) {
    if (!existsSync(join(prismaDir, ...parts))) throw hookPointMissing(PATCH, `${join(prismaDir, ...parts)} does not exist`, options);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Module._load is not part of the typed API
  const Module = require('node:module') as ModuleWithLoader;
  if (Object.prototype.hasOwnProperty.call(Module, INSTALLED)) return;
  Object.defineProperty(Module, INSTALLED, { value: true });
  const studioRuntime = join(prismaDir, 'prisma-client', 'runtime', 'library');
  const load = Module._load;
  Module._load = function (this: unknown, request, parent, isMain) {
    const exported = load.call(this, request, parent, isMain);
    if (request !== studioRuntime) return exported;
    const runtime = exported as { getPrismaClient?: GetPrismaClient };
    if (typeof runtime.getPrismaClient !== 'function') throw hookPointMissing(PATCH, `${studioRuntime} exports no getPrismaClient`);
    const getPrismaClient: GetPrismaClient = (config) =>
      runtime.getPrismaClient!({ engineWasm: postgresQueryEngineWasm(prismaDir), ...config });
    return { ...runtime, getPrismaClient };
  };
}
