import { dummyPasswordHash, hashPassword, needsRehash, PASSWORD_HASH_OPTIONS, verifyPassword } from './password-hasher';

// Each hash costs about 65 ms on the reference machine: a handful per test, made once where possible.
describe('password hashing', () => {
  const password = 'correct horse battery staple';
  let stored: string;

  beforeAll(async () => {
    stored = await hashPassword(password);
  });

  it('stores argon2id with 19 MiB, 2 passes and 1 lane in PHC form, and no trace of the password', () => {
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{43}$/);
    expect(stored).not.toContain(password);
  });

  it('salts every hash, so one password hashed twice gives two different strings that both verify', async () => {
    const again = await hashPassword(password);

    expect(again).not.toBe(stored);
    expect(await verifyPassword(again, password)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one, one differing only in case or with a trailing space', async () => {
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(stored, `${password} `)).toBe(false);
  });

  it.each([['not a hash'], [''], ['$argon2id$v=19$m=19456,t=2,p=1$broken'], ['$2b$10$abcdefghijklmnopqrstuv']])(
    'answers false, never throws, for the stored value %j',
    async (garbage) => {
      await expect(verifyPassword(garbage, password)).resolves.toBe(false);
    },
  );

  it('treats a composed and a decomposed é as the same password (NFKC)', async () => {
    const composed = 'mot de passe d\u00e9j\u00e0 vu';
    const decomposed = 'mot de passe de\u0301ja\u0300 vu';
    expect(composed).not.toBe(decomposed);

    const hashOfComposed = await hashPassword(composed);

    expect(await verifyPassword(hashOfComposed, decomposed)).toBe(true);
    expect(await verifyPassword(hashOfComposed, composed)).toBe(true);
  });

  it('treats compatibility characters as their plain form (NFKC): a full-width digit is the digit', async () => {
    const hashOfPlain = await hashPassword('pass phrase number 1');

    expect(await verifyPassword(hashOfPlain, 'pass phrase number \uff11')).toBe(true);
  });
});

describe('needsRehash', () => {
  it('is false for a hash made with today’s parameters', async () => {
    expect(needsRehash(await hashPassword('today’s parameters'))).toBe(false);
  });

  it.each([
    ['less memory', { memoryCost: 8192 }],
    ['one pass', { timeCost: 1 }],
    ['two lanes', { parallelism: 2 }],
    ['a longer output', { outputLen: 64 }],
    ['argon2i', { algorithm: 1 as const }],
  ])('is true for a hash made with %s', async (_, change) => {
    const older = await hashPassword('older parameters', { ...PASSWORD_HASH_OPTIONS, ...change });

    expect(needsRehash(older)).toBe(true);
  });

  it.each([['not a hash'], [''], ['$2b$10$abcdefghijklmnopqrstuv']])('is true for the unreadable stored value %j', (garbage) => {
    expect(needsRehash(garbage)).toBe(true);
  });
});

describe('dummyPasswordHash', () => {
  it('is one hash with today’s parameters, made once, that no empty or simple password opens', async () => {
    const dummy = await dummyPasswordHash();

    expect(await dummyPasswordHash()).toBe(dummy);
    expect(needsRehash(dummy)).toBe(false);
    expect(await verifyPassword(dummy, '')).toBe(false);
    expect(await verifyPassword(dummy, 'password')).toBe(false);
  });
});
