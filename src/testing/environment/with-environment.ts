/**
 * Runs `make` with `changes` applied to process.env, then restores it (after
 * the promise settles, when `make` returns one). Services read their
 * settings when constructed, so a test builds one against another database
 * or pool size this way without touching the other tests of the worker.
 */
export function withEnvironment<T>(changes: Record<string, string>, make: () => T): T {
  const saved = Object.fromEntries(Object.keys(changes).map((key) => [key, process.env[key]]));
  const restore = () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  Object.assign(process.env, changes);
  let result: T;
  try {
    result = make();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
