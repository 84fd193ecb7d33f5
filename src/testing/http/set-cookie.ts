export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased, as browsers compare them; flags map to ''. */
  attributes: Record<string, string>;
}

/**
 * A response's Set-Cookie headers as sent, parsed. Read directly rather than
 * through CookieClient's jar: a browser would drop a Secure cookie over http,
 * and the attributes are what such a test is about.
 */
export function setCookiesOf(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((header) => {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    return {
      name: pair.slice(0, separator),
      value: pair.slice(separator + 1),
      attributes: Object.fromEntries(
        attributes.map((attribute) => {
          const [key, ...value] = attribute.split('=');
          return [key.toLowerCase(), value.join('=')];
        }),
      ),
    };
  });
}
