import { assertVendorPatch, hookPointMissing } from './vendor-patch-check';

/**
 * The two hook points of the query plan cache (src/database/runtime/query-plan-cache.ts)
 * in Prisma 6.19's generated client (manifest entry "prisma-query-plan-cache"):
 * the client's private `_engineConfig.compilerWasm`, which loads the
 * WebAssembly `QueryCompiler` class, and that class's `prototype.compile`.
 * Prisma 7.4 caches plans itself (see the manifest's upstream link).
 */
const PATCH = 'prisma-query-plan-cache';

interface QueryCompilerPrototype {
  compile: (this: object, request: string) => unknown;
}

export interface QueryCompilerClass {
  prototype: QueryCompilerPrototype;
}

/** What the generated client keeps in `_engineConfig` that this patch reads. */
interface EngineConfig {
  compilerWasm?: { getRuntime(): Promise<{ QueryCompiler?: QueryCompilerClass }> };
}

/**
 * The WebAssembly query compiler class `client` loads. Throws VendorPatchError
 * when Prisma moved from the manifest's version or the class is not where
 * the patch looks (never a cache that silently does nothing).
 */
export async function queryCompilerClassOf(client: object): Promise<QueryCompilerClass> {
  assertVendorPatch(PATCH);
  const config = (client as { _engineConfig?: EngineConfig })._engineConfig;
  if (!config) throw hookPointMissing(PATCH, 'the Prisma Client has no _engineConfig');
  const runtime = await config.compilerWasm?.getRuntime();
  if (!runtime?.QueryCompiler) {
    throw hookPointMissing(
      PATCH,
      'the generated Prisma Client has no WebAssembly query compiler (_engineConfig.compilerWasm); keep engineType = "client" in the generator (build/database-schema-plugin.ts writes it), or set DATABASE_QUERY_PLAN_CACHE_SIZE=0',
    );
  }
  if (typeof runtime.QueryCompiler.prototype.compile !== 'function')
    throw hookPointMissing(PATCH, 'QueryCompiler.prototype.compile is not a function');
  return runtime.QueryCompiler;
}

const patched = new WeakSet<object>();

/**
 * Routes `compile` of every instance of `compilerClass` through `planFor`,
 * which gets the instance, the request and the original compile. Idempotent
 * per class: the first `planFor` stays.
 */
export function routeCompiles(
  compilerClass: QueryCompilerClass,
  planFor: (compiler: object, request: string, compile: (request: string) => unknown) => unknown,
): void {
  const prototype = compilerClass.prototype;
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const compile = prototype.compile;
  prototype.compile = function compileThroughPlanCache(this: object, request: string): unknown {
    return planFor(this, request, (r) => compile.call(this, r));
  };
}
