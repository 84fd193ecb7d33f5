import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
 * native engines; {@link PATCHED_FOR} makes a version change fail loudly.
 */
export const PATCHED_FOR = '6.19.3';

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

/** The `prisma` package's folder: resolved from its package.json, which its `exports` allow. */
function prismaPackageDir(): string {
  return dirname(require.resolve('prisma/package.json'));
}

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
 * WebAssembly query engine (see above). Idempotent; throws when the
 * installed Prisma is not {@link PATCHED_FOR}.
 */
export function giveStudioTheWasmQueryEngine(prismaDir = prismaPackageDir()): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file beside the resolved package
  const { version } = require(join(prismaDir, 'package.json')) as { version: string };
  if (version !== PATCHED_FOR) {
    throw new Error(
      `src/database/studio/studio-query-engine.fixes.ts was written for prisma ${PATCHED_FOR}, but ${version} is installed; check whether \`prisma studio\` still needs it (docs/database.md, "Prisma Studio") and update or remove it`,
    );
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
    const runtime = exported as { getPrismaClient: GetPrismaClient };
    const getPrismaClient: GetPrismaClient = (config) =>
      runtime.getPrismaClient({ engineWasm: postgresQueryEngineWasm(prismaDir), ...config });
    return { ...runtime, getPrismaClient };
  };
}
