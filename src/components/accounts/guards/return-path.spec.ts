import { OPEN_REDIRECT_ATTEMPTS } from '../test/open-redirect-attempts';
import { DEFAULT_RETURN_PATH, safeReturnPath, signInLocation } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/demo/posts', '/demo/posts'],
    ['/', '/'],
    ['/demo/posts?page=2&sort=new', '/demo/posts?page=2&sort=new'],
    ['/demo/posts#post-3', '/demo/posts#post-3'],
    ['/demo/posts?page=2#post-3', '/demo/posts?page=2#post-3'],
    ['/accounts/me', '/accounts/me'],
    ['/a/b/../c', '/a/c'],
  ])('accepts the same-site path %j as %j', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it('keeps a percent-encoded letter and a form-encoded space as they are', () => {
    expect(safeReturnPath('/demo/posts?q=caf%C3%A9+au+lait')).toBe('/demo/posts?q=caf%C3%A9+au+lait');
  });

  it('accepts a percent-encoded space, but not a raw one or an encoded tab or line break', () => {
    expect(safeReturnPath('/demo/posts?q=two%20words')).toBe('/demo/posts?q=two%20words');
    expect(safeReturnPath('/demo/posts?q=two words')).toBeNull();
    expect(safeReturnPath('/%09/evil.example')).toBeNull();
    expect(safeReturnPath('/demo%0A/posts')).toBeNull();
  });

  it.each(OPEN_REDIRECT_ATTEMPTS.map((attempt) => [attempt]))('refuses %j', (attempt) => {
    expect(safeReturnPath(attempt)).toBeNull();
  });

  it('refuses a value whose percent-encoding is malformed', () => {
    expect(safeReturnPath('/demo/%E0%A4%A')).toBeNull();
  });

  it.each([[''], [undefined], [null], [42], [['/demo/posts']], [{ path: '/demo/posts' }]])('refuses the non-path %j', (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it('refuses a path over 2048 characters and accepts one of exactly 2048', () => {
    const longest = `/${'a'.repeat(2047)}`;

    expect(safeReturnPath(longest)).toBe(longest);
    expect(safeReturnPath(`${longest}a`)).toBeNull();
  });

  it('never returns anything that starts with // or holds a backslash, for any attempt', () => {
    for (const attempt of OPEN_REDIRECT_ATTEMPTS) {
      const result = safeReturnPath(attempt) ?? DEFAULT_RETURN_PATH;
      expect(result.startsWith('/')).toBe(true);
      expect(result.startsWith('//')).toBe(false);
      expect(result).not.toContain('\\');
    }
  });
});

describe('signInLocation', () => {
  it('carries a safe return path, percent-encoded, as ?returnTo=', () => {
    expect(signInLocation('/accounts/sign-in', '/demo/posts?page=2')).toBe('/accounts/sign-in?returnTo=%2Fdemo%2Fposts%3Fpage%3D2');
  });

  it('leaves out a return path that is missing, the home page or unsafe', () => {
    expect(signInLocation('/accounts/sign-in', undefined)).toBe('/accounts/sign-in');
    expect(signInLocation('/accounts/sign-in', '/')).toBe('/accounts/sign-in');
    expect(signInLocation('/accounts/sign-in', '//evil.example')).toBe('/accounts/sign-in');
    expect(signInLocation('/accounts/sign-in', 'https://evil.example/')).toBe('/accounts/sign-in');
  });
});
