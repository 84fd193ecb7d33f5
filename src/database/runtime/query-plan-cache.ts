/**
 * Prisma 6.19's query compiler (WebAssembly, `engineType = "client"`) turns
 * every query into a plan afresh; it has no plan cache. Under load that was
 * about 40 % of the Node CPU a list page spends in Prisma (docs/performance.md,
 * "Pages"). A plan is a pure function of the compiler (schema and provider)
 * and the request it was given, so the same read asked again can reuse it.
 *
 * What is cached, and why only that:
 * - Reads only (find*, count, aggregate, groupBy): writes carry new data every
 *   time, so their plans would never be reused, and would keep that data
 *   (password hashes, say) in memory for no gain.
 * - Requests up to `maxRequestLength` characters: a list of a thousand ids is
 *   rarely asked twice and its plan is large.
 * - At most `maxEntries` plans per compiler, the least recently used dropped
 *   first. Plans hold the values the query was asked with, so memory is
 *   bounded by entries × request size.
 *
 * Plans are frozen before they are shared: if a Prisma version ever mutated a
 * plan while running it, that version would throw in the tests instead of
 * quietly running another query's plan.
 *
 * The cache holds plans, never rows: a read after a write runs again in the
 * database and sees the write.
 */
import { QueryCompilerClass, routeCompiles } from '../../platform/vendor-patches/prisma-query-plan-cache.patch';

export interface QueryPlanCacheOptions {
  /** Plans kept per compiler; 0 turns the cache off. */
  maxEntries: number;
  /** Longer requests are compiled every time. */
  maxRequestLength: number;
}

export const DEFAULT_QUERY_PLAN_CACHE: QueryPlanCacheOptions = { maxEntries: 1000, maxRequestLength: 8192 };

export interface PlanCounts {
  hits: number;
  misses: number;
  /** Requests compiled without the cache: writes, raw SQL and long requests. */
  uncached: number;
}

export interface QueryPlanCacheStats extends PlanCounts {
  size: number;
}

const READ_ACTIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'aggregate',
  'groupBy',
  'count',
]);

// The client serialises `{ modelName, action, query }` in that order, so the
// action of a model query is the second key. A field named "action" inside
// `query` cannot match: it never comes right after the top-level modelName.
const MODEL_ACTION = /^\{"modelName":"[A-Za-z0-9_]+","action":"([A-Za-z]+)"/;

/** The action of a serialised model request (`findMany`), or null for anything else (raw SQL). */
export function actionOf(request: string): string | null {
  return MODEL_ACTION.exec(request)?.[1] ?? null;
}

/** Whether a serialised request may take a plan from the cache. */
export function isCacheableRequest(request: string, maxRequestLength: number): boolean {
  if (request.length > maxRequestLength) return false;
  const action = actionOf(request);
  return action !== null && READ_ACTIONS.has(action);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Least recently used plans, for one compiler. */
export class QueryPlanCache {
  private readonly plans = new Map<string, unknown>();
  readonly stats: QueryPlanCacheStats = { hits: 0, misses: 0, uncached: 0, size: 0 };

  /** @param shared counts that several caches add to as well (the process's totals) */
  constructor(
    private readonly options: QueryPlanCacheOptions,
    private readonly shared?: PlanCounts,
  ) {}

  private count(what: keyof PlanCounts): void {
    this.stats[what]++;
    if (this.shared) this.shared[what]++;
  }

  /** The plan for `request`: the cached one, or `compile(request)` (cached when the request may be). */
  planFor(request: string, compile: (request: string) => unknown): unknown {
    if (this.options.maxEntries === 0 || !isCacheableRequest(request, this.options.maxRequestLength)) {
      this.count('uncached');
      return compile(request);
    }
    const cached = this.plans.get(request);
    if (cached !== undefined) {
      // Re-inserting moves the entry to the end: Map iteration order is the LRU order.
      this.plans.delete(request);
      this.plans.set(request, cached);
      this.count('hits');
      return cached;
    }
    const plan = deepFreeze(compile(request));
    this.count('misses');
    this.plans.set(request, plan);
    if (this.plans.size > this.options.maxEntries) this.plans.delete(this.plans.keys().next().value as string);
    this.stats.size = this.plans.size;
    return plan;
  }
}

const caches = new WeakMap<object, QueryPlanCache>();
const totals: PlanCounts = { hits: 0, misses: 0, uncached: 0 };

/**
 * Routes `compile` of every instance of the compiler class through a
 * per-instance cache (the hook is a vendor patch:
 * src/platform/vendor-patches/prisma-query-plan-cache.patch.ts). Idempotent;
 * the options of the first call apply to compilers created afterwards.
 */
export function cacheCompiledPlans(compilerClass: QueryCompilerClass, options: QueryPlanCacheOptions): void {
  routeCompiles(compilerClass, (compiler, request, compile) => {
    let cache = caches.get(compiler);
    if (!cache) caches.set(compiler, (cache = new QueryPlanCache(options, totals)));
    return cache.planFor(request, compile);
  });
}

/** Hits, misses and uncached compiles of every compiler in the process since it started (tests and the bench read them). */
export function queryPlanTotals(): PlanCounts {
  return { ...totals };
}
