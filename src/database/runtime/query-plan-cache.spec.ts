import { actionOf, isCacheableRequest, QueryPlanCache } from './query-plan-cache';

const request = (action: string, query: object = { selection: { id: true } }) =>
  JSON.stringify({ modelName: 'FixtureNote', action, query });

describe('actionOf', () => {
  it('reads the action of a model request', () => {
    expect(actionOf(request('findMany'))).toBe('findMany');
  });

  it('answers null for raw SQL, which has no model', () => {
    expect(actionOf(JSON.stringify({ action: 'queryRaw', query: { arguments: { query: 'SELECT 1' } } }))).toBeNull();
  });

  it('is not fooled by a field named action inside the query', () => {
    const write = JSON.stringify({ modelName: 'Audit', action: 'createOne', query: { arguments: { data: { action: 'findMany' } } } });
    expect(actionOf(write)).toBe('createOne');
  });
});

describe('isCacheableRequest', () => {
  it.each(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'aggregate', 'groupBy'])(
    'caches %s',
    (action) => {
      expect(isCacheableRequest(request(action), 8192)).toBe(true);
    },
  );

  it.each(['createOne', 'updateMany', 'deleteOne', 'upsertOne', 'executeRaw'])('compiles %s every time', (action) => {
    expect(isCacheableRequest(request(action), 8192)).toBe(false);
  });

  it('compiles a read longer than the limit every time', () => {
    const long = request('findMany', { arguments: { where: { id: { in: Array.from({ length: 500 }, (_, i) => `id-${i}`) } } } });
    expect(isCacheableRequest(long, 1000)).toBe(false);
    expect(isCacheableRequest(long, long.length)).toBe(true);
  });
});

describe('QueryPlanCache', () => {
  const compiler = () => {
    const compiled: string[] = [];
    return { compiled, compile: (r: string) => (compiled.push(r), { plan: r, args: [{ value: compiled.length }] }) };
  };

  it('compiles a read once and hands the same plan out again', () => {
    const cache = new QueryPlanCache({ maxEntries: 10, maxRequestLength: 8192 });
    const { compiled, compile } = compiler();
    const first = cache.planFor(request('findMany'), compile);
    expect(cache.planFor(request('findMany'), compile)).toBe(first);
    expect(compiled).toHaveLength(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, uncached: 0, size: 1 });
  });

  it('keeps one plan per distinct request, values included', () => {
    const cache = new QueryPlanCache({ maxEntries: 10, maxRequestLength: 8192 });
    const { compile } = compiler();
    const a = cache.planFor(request('findFirst', { arguments: { where: { title: 'a' } } }), compile);
    const b = cache.planFor(request('findFirst', { arguments: { where: { title: 'b' } } }), compile);
    expect(a).not.toBe(b);
  });

  it('drops the least recently used plan beyond maxEntries', () => {
    const cache = new QueryPlanCache({ maxEntries: 2, maxRequestLength: 8192 });
    const { compiled, compile } = compiler();
    const [one, two, three] = ['findMany', 'findFirst', 'aggregate'].map((action) => request(action));
    cache.planFor(one, compile);
    cache.planFor(two, compile);
    cache.planFor(one, compile); // one is now the most recently used
    cache.planFor(three, compile); // evicts two
    cache.planFor(one, compile);
    cache.planFor(two, compile);
    expect(compiled).toEqual([one, two, three, two]);
    expect(cache.stats.size).toBe(2);
  });

  it('never caches writes', () => {
    const cache = new QueryPlanCache({ maxEntries: 10, maxRequestLength: 8192 });
    const { compiled, compile } = compiler();
    cache.planFor(request('createOne'), compile);
    cache.planFor(request('createOne'), compile);
    expect(compiled).toHaveLength(2);
    expect(cache.stats).toEqual({ hits: 0, misses: 0, uncached: 2, size: 0 });
  });

  it('caches nothing with maxEntries 0', () => {
    const cache = new QueryPlanCache({ maxEntries: 0, maxRequestLength: 8192 });
    const { compiled, compile } = compiler();
    cache.planFor(request('findMany'), compile);
    cache.planFor(request('findMany'), compile);
    expect(compiled).toHaveLength(2);
  });

  it('freezes a shared plan all the way down, so running it cannot change it', () => {
    const cache = new QueryPlanCache({ maxEntries: 10, maxRequestLength: 8192 });
    const plan = cache.planFor(request('findMany'), compiler().compile) as { args: { value: number }[] };
    expect(() => {
      'use strict';
      plan.args[0].value = 99;
    }).toThrow(TypeError);
  });
});
