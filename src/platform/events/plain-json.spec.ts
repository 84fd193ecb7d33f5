import { assertPlainJson } from './plain-json';

describe('assertPlainJson', () => {
  it('accepts objects, arrays, strings, finite numbers, booleans and null', () => {
    expect(() => assertPlainJson({ a: [1, 'two', true, null, { b: -3.5 }], c: Object.create(null) }, 'payload', 'publish x')).not.toThrow();
  });

  it.each([
    ['a Date', { at: new Date() }, 'payload.at is a Date'],
    ['undefined', { maybe: undefined }, 'payload.maybe is undefined'],
    ['NaN', { n: [1, Number.NaN] }, 'payload.n[1] is NaN (not a finite number)'],
    ['a bigint', { big: BigInt(1) }, 'payload.big is a bigint'],
    ['a class instance', { map: new Map() }, 'payload.map is a Map'],
    ['a function', { f: () => 1 }, 'payload.f is a function'],
  ])('refuses %s, naming the path', (_what, value, message) => {
    expect(() => assertPlainJson(value, 'payload', 'publish accounts/account-deleted@1')).toThrow(
      `publish accounts/account-deleted@1: ${message}`,
    );
  });
});
