import { createHash } from 'node:crypto';
import { isSessionTokenShape, newSessionToken, sessionTokenHash } from './session-token';

describe('session tokens', () => {
  it('are 43 base64url characters (256 random bits), different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newSessionToken()));

    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(isSessionTokenShape(token)).toBe(true);
  });

  it.each([[''], ['A'.repeat(42)], ['A'.repeat(44)], [`${'A'.repeat(42)}=`], [`${'A'.repeat(42)}+`], [`${'A'.repeat(42)}/`]])(
    'refuses the shape %j, which this app never issues',
    (value) => {
      expect(isSessionTokenShape(value)).toBe(false);
    },
  );

  it('are stored as their 32-byte SHA-256, the same for the same token and holding none of its text', () => {
    const token = newSessionToken();
    const hash = sessionTokenHash(token);

    expect(hash).toHaveLength(32);
    expect(Buffer.from(hash)).toEqual(Buffer.from(sessionTokenHash(token)));
    expect(Buffer.from(hash).toString('base64url')).not.toBe(token);
    expect(Buffer.from(hash).toString('hex')).toBe(createHash('sha256').update(token).digest('hex'));
  });
});
