import { cookieHeaderFrom, hiddenFieldValue } from './csrf-session';

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

describe('hiddenFieldValue', () => {
  it('finds the field whatever the attribute order and decodes entities in its value', () => {
    const html = '<form><input type="text" name="title" value="x"/><input value="a&amp;b&#x7C;c&#47;" name="_csrf" type="hidden"/></form>';
    expect(hiddenFieldValue(html, '_csrf')).toBe('a&b|c/');
  });

  it('is null when the page has no such field', () => {
    expect(hiddenFieldValue('<input name="_csrf_other" value="x">', '_csrf')).toBeNull();
  });
});
