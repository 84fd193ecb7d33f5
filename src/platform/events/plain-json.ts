/**
 * Throws unless `value` is plain JSON (objects, arrays, strings, finite
 * numbers, booleans, null), naming the first path that is not:
 * "payload.at is a Date; ...". What a listener receives is what JSON carries,
 * so nothing may be lost or changed on the way.
 */
export function assertPlainJson(value: unknown, path: string, where: string): void {
  const fail = (what: string) => {
    throw new Error(
      `${where}: ${path} is ${what}; an event or job payload must be plain JSON (objects, arrays, strings, finite numbers, booleans, null): send ${what === 'a Date' ? 'date.toISOString()' : 'a plain value'} instead`,
    );
  };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${value} (not a finite number)`);
    return;
  }
  if (value === undefined) return fail('undefined');
  if (typeof value !== 'object') return fail(`a ${typeof value}`);
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertPlainJson(item, `${path}[${index}]`, where));
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'an object with a prototype';
    return fail(`a ${name}`);
  }
  for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`, where);
}
