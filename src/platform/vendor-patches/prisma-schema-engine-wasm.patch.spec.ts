import { fixEngineClass, WasmSchemaEngine } from './prisma-schema-engine-wasm.patch';

// The engine's wasm-bindgen class, reduced to what the fixes rely on: free()
// zeroes the pointer and fails on a second call, as the real one does; the two
// migration methods fail until the history was diagnosed with a shadow
// database, as the real engine's cache miss does.
class FakeEngine implements WasmSchemaEngine {
  __wbg_ptr = 42;
  calls: string[] = [];
  diagnosed = false;
  failure: Error | null = null;

  free() {
    if (this.__wbg_ptr === 0) throw new Error('null pointer passed to rust');
    this.__wbg_ptr = 0;
    this.calls.push('free');
  }

  async diagnoseMigrationHistory(input: { optInToShadowDatabase: boolean }) {
    this.calls.push(`diagnose(shadow=${input.optInToShadowDatabase})`);
    this.diagnosed = true;
    return Promise.resolve({});
  }

  async evaluateDataLoss(_input: object) {
    this.calls.push('evaluateDataLoss');
    return this.answer();
  }

  async createMigration(_input: object) {
    this.calls.push('createMigration');
    return this.answer();
  }

  private answer() {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.diagnosed) return Promise.reject(new Error('PostgreSQL shadow DB must be provided through an external factory'));
    return Promise.resolve({ migrationSteps: 1 });
  }
}

describe('fixEngineClass', () => {
  let timers: Set<NodeJS.Timeout>;
  const input = { migrationsList: { migrationDirectories: [] }, filters: { externalTables: [], externalEnums: [] } };

  beforeAll(() => {
    timers = new Set();
    fixEngineClass(FakeEngine.prototype, timers);
  });

  it('diagnoses the history through the shadow database and retries once when the migrations schema was not cached', async () => {
    const engine = new FakeEngine();

    await expect(engine.evaluateDataLoss(input)).resolves.toEqual({ migrationSteps: 1 });
    await expect(engine.createMigration(input)).resolves.toEqual({ migrationSteps: 1 });

    expect(engine.calls).toEqual(['evaluateDataLoss', 'diagnose(shadow=true)', 'evaluateDataLoss', 'createMigration']);
  });

  it('passes every other engine error through untouched, without retrying', async () => {
    const engine = new FakeEngine();
    engine.failure = new Error('P3006 Migration failed to apply cleanly to the shadow database');

    await expect(engine.evaluateDataLoss(input)).rejects.toBe(engine.failure);
    expect(engine.calls).toEqual(['evaluateDataLoss']);
  });

  it('makes a second free() a no-op instead of handing the engine a null pointer', () => {
    const engine = new FakeEngine();

    engine.free();
    engine.free();

    expect(engine.calls).toEqual(['free']);
  });

  it("stops the freed engine's pending timers from keeping the process alive, without cancelling them", () => {
    const timer = setTimeout(() => undefined, 10_000);
    timers.add(timer);
    try {
      new FakeEngine().free();

      expect(timer.hasRef()).toBe(false);
    } finally {
      clearTimeout(timer);
      timers.delete(timer);
    }
  });

  it('patches a class only once, however often the module is instantiated', () => {
    const before = Object.getOwnPropertyDescriptors(FakeEngine.prototype);

    fixEngineClass(FakeEngine.prototype, new Set());

    expect(Object.getOwnPropertyDescriptors(FakeEngine.prototype)).toEqual(before);
  });
});
