/**
 * Three defects of the WebAssembly schema engine as Prisma 6.19.3's CLI drives
 * it, found by reading the CLI (prisma/prisma, packages/migrate) and the
 * engine (prisma/prisma-engines, schema-engine-wasm). docs/database.md tells
 * the story; the tests run the real CLI through each.
 *
 * 1. `evaluateDataLoss` and `createMigration` need "the schema the migrations
 *    produce". The WebAssembly engine cannot build it there (no shadow
 *    database at that point: "PostgreSQL shadow DB must be provided through an
 *    external factory"); it only finds it in a cache that `devDiagnostic`
 *    fills through the driver adapter's shadow database, keyed by the list of
 *    migrations the database had applied at that moment. When `migrate dev`
 *    first applies pending migrations (a fresh clone, a pulled branch), the
 *    key no longer matches. Fix: on exactly that error, diagnose the history
 *    again (which caches the full, now applied, list through the shadow
 *    database) and retry once.
 * 2. `migrate dev --create-only` stops the engine twice (before returning, and
 *    again in a `finally`); the second `free()` hands the engine a null
 *    pointer ("null pointer passed to rust") after the migration was written.
 *    Fix: a second `free()` does nothing.
 * 3. The engine sets 10 s timeouts through its `setTimeout` import and never
 *    clears them, so `migrate dev`, `deploy` and `reset` idle about 10 s
 *    after their work before the process exits. Fix: once the engine is
 *    freed, its pending timers no longer keep the process alive (they are
 *    unref'ed, not cancelled).
 *
 * The engine's JavaScript class and imports are only reachable when the CLI
 * instantiates the WebAssembly module, so the fixes are applied there: only
 * an instance whose imports carry the engine's glue module
 * (`./schema_engine_bg.js`) is touched. Installing checks the manifest
 * version and that the CLI bundle still names that glue module; an instance
 * whose imports carry the engine's class under another name throws. Never a
 * silent no-op (manifest entry "prisma-schema-engine-wasm").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertVendorPatch, hookPointMissing, installedPackageDir, VendorPatchCheckOptions } from './vendor-patch-check';

const PATCH = 'prisma-schema-engine-wasm';

const ENGINE_GLUE_MODULE = './schema_engine_bg.js';
const SET_TIMEOUT_IMPORT = '__wbg_setTimeout_';
const NO_SHADOW_DATABASE = 'shadow DB must be provided through an external factory';
const FIXED = Symbol.for('component-platform.schema-engine-wasm.fixed');

interface MigrationsInput {
  migrationsList: unknown;
  filters: unknown;
}

type EngineMethod = (this: WasmSchemaEngine, input: MigrationsInput) => Promise<unknown>;

/** The parts of the engine's wasm-bindgen class that these fixes touch. */
export interface WasmSchemaEngine {
  __wbg_ptr: number;
  free: (this: WasmSchemaEngine) => void;
  diagnoseMigrationHistory(input: MigrationsInput & { optInToShadowDatabase: boolean }): Promise<unknown>;
  evaluateDataLoss: EngineMethod;
  createMigration: EngineMethod;
}

type EngineGlue = Record<string, unknown> & { SchemaEngine: { prototype: WasmSchemaEngine } };

// The project compiles without the DOM library, which declares WebAssembly;
// these are the only parts used here.
type WasmImports = Record<string, Record<string, unknown>>;
interface WasmInstanceConstructor {
  new (module: object, imports?: WasmImports): object;
}
const wasm = (globalThis as unknown as { WebAssembly: { Instance: WasmInstanceConstructor } }).WebAssembly;

/**
 * Throws VendorPatchError unless the installed CLI is the manifest's version
 * and its bundle (`prisma/build/index.js`) still instantiates the schema
 * engine with the glue module this patch looks for.
 */
export function assertSchemaEngineHookPoint(options: VendorPatchCheckOptions = {}): void {
  assertVendorPatch(PATCH, options);
  const prismaDir = installedPackageDir('prisma', options)!;
  const bundle = join(prismaDir, 'build', 'index.js');
  if (!readFileSync(bundle, 'utf8').includes(`"${ENGINE_GLUE_MODULE}"`)) {
    throw hookPointMissing(PATCH, `${bundle} no longer imports the schema engine's glue module "${ENGINE_GLUE_MODULE}"`, options);
  }
}

/** Installs the fixes for every schema engine this process instantiates from now on. Idempotent. */
export function fixSchemaEngineWasm(options: VendorPatchCheckOptions = {}): void {
  assertSchemaEngineHookPoint(options);
  const Instance = wasm.Instance;
  if (Object.prototype.hasOwnProperty.call(Instance, FIXED)) return;
  class FixingInstance extends Instance {
    constructor(module: object, imports?: WasmImports) {
      const glue = imports?.[ENGINE_GLUE_MODULE];
      if (!isEngineGlue(glue)) {
        const renamed = engineGlueUnderAnotherName(imports);
        if (renamed)
          throw hookPointMissing(PATCH, `the schema engine's glue module is now imported as "${renamed}", not "${ENGINE_GLUE_MODULE}"`);
        super(module, imports);
        return;
      }
      const timers = new Set<NodeJS.Timeout>();
      super(module, { ...imports, [ENGINE_GLUE_MODULE]: withTrackedTimers(glue, timers) });
      fixEngineClass(glue.SchemaEngine.prototype, timers);
    }
  }
  Object.defineProperty(FixingInstance, FIXED, { value: true });
  wasm.Instance = FixingInstance;
}

function isEngineGlue(glue: Record<string, unknown> | undefined): glue is EngineGlue {
  return typeof glue?.SchemaEngine === 'function';
}

/** The import module that carries the engine's class when it is not {@link ENGINE_GLUE_MODULE}. Exported for its test. */
export function engineGlueUnderAnotherName(imports: WasmImports | undefined): string | undefined {
  return Object.keys(imports ?? {}).find((name) => name !== ENGINE_GLUE_MODULE && isEngineGlue(imports![name]));
}

/**
 * A copy of the glue module's exports (esbuild exposes them as getters, which
 * cannot be replaced in place) whose `setTimeout` records the timers it sets.
 */
function withTrackedTimers(glue: EngineGlue, timers: Set<NodeJS.Timeout>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(glue)) copy[key] = glue[key];
  for (const key of Object.keys(copy).filter((name) => name.startsWith(SET_TIMEOUT_IMPORT))) {
    const setTimeoutImport = copy[key] as (callback: () => void, ms: number) => NodeJS.Timeout;
    copy[key] = (callback: () => void, ms: number) => {
      const timer: NodeJS.Timeout = setTimeoutImport(() => {
        timers.delete(timer);
        callback();
      }, ms);
      timers.add(timer);
      return timer;
    };
  }
  return copy;
}

/** Exported for its unit test. Patches the class once. */
export function fixEngineClass(engine: WasmSchemaEngine, timers: Set<NodeJS.Timeout>): void {
  if (Object.prototype.hasOwnProperty.call(engine, FIXED)) return;
  Object.defineProperty(engine, FIXED, { value: true });

  const free = engine.free;
  engine.free = function (this: WasmSchemaEngine) {
    // wasm-bindgen zeroes the pointer on the first free().
    if (this.__wbg_ptr === 0) return;
    free.call(this);
    for (const timer of timers) timer.unref();
  };

  for (const name of ['evaluateDataLoss', 'createMigration'] as const) {
    const method = engine[name];
    engine[name] = async function (this: WasmSchemaEngine, input: MigrationsInput) {
      try {
        return await method.call(this, input);
      } catch (error) {
        if (!String((error as Error | undefined)?.message).includes(NO_SHADOW_DATABASE)) throw error;
        await this.diagnoseMigrationHistory({
          migrationsList: input.migrationsList,
          optInToShadowDatabase: true,
          filters: input.filters,
        });
        return method.call(this, input);
      }
    };
  }
}
