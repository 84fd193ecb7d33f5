import { cookieHeaderFrom, hiddenFieldValue, updatedCookieHeader } from './signed-in-session';

describe('cookieHeaderFrom', () => {
  it('keeps the name=value pair of each Set-Cookie line and drops the attributes', () => {
    expect(
      cookieHeaderFrom([
        '__Host-browser-id=abc; Max-Age=31536000; Path=/; HttpOnly; Secure; SameSite=Lax',
        '__Host-csrf-token=h%7Cr; Path=/; HttpOnly; Secure; SameSite=Lax',
      ]),
    ).toBe('__Host-browser-id=abc; __Host-csrf-token=h%7Cr');
  });

  it('is empty when the page set no cookie', () => {
    expect(cookieHeaderFrom([])).toBe('');
  });
});

describe('updatedCookieHeader', () => {
  it('adds new cookies, replaces a cookie set again and drops one the server cleared', () => {
    expect(
      updatedCookieHeader('browser-id=abc; csrf-token=t1; flash=old', [
        'session=s1; Path=/; Expires=Fri, 20 Dec 2026 10:00:00 GMT; HttpOnly; SameSite=Lax',
        'csrf-token=t2; Path=/; HttpOnly; SameSite=Lax',
        'flash=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      ]),
    ).toBe('browser-id=abc; csrf-token=t2; session=s1');
  });

  it('drops a cookie cleared with Max-Age=0 and keeps the rest as they were', () => {
    expect(updatedCookieHeader('a=1; b=2', ['a=; Max-Age=0; Path=/'])).toBe('b=2');
    expect(updatedCookieHeader('a=1; b=2', [])).toBe('a=1; b=2');
  });
});

describe('hiddenFieldValue', () => {
  it('finds the field whatever the attribute order and decodes entities in its value', () => {
    const html = '<form><input type="text" name="title" value="x"/><input value="a&amp;b&#x7C;c&#47;" name="_csrf" type="hidden"/></form>';
    expect(hiddenFieldValue(html, '_csrf')).toBe('a&b|c/');
  });

  it('is null when the page has no such field', () => {
    expect(hiddenFieldValue('<input name="_csrf_other" value="x">', '_csrf')).toBeNull();
  });
});
