import { CSRF_FIELD } from '../../src/platform/http/page-locals';

/**
 * What a browser holds after loading the posts page: its cookies (the
 * browser id and the CSRF token cookie) and the token from the form's hidden
 * field. The protection is a stateless signed double submit, so one session
 * serves every connection, and every instance with the same CSRF_SECRET.
 */
export interface CsrfSession {
  /** The `Cookie` request header. */
  cookie: string;
  /** The value of the form's hidden field. */
  token: string;
  /** The hidden field's name. */
  field: string;
}

/** `name=value` pairs of `Set-Cookie` headers, joined into one `Cookie` header; attributes dropped. */
export function cookieHeaderFrom(setCookies: readonly string[]): string {
  return setCookies
    .map((line) => line.split(';', 1)[0].trim())
    .filter((pair) => pair.includes('='))
    .join('; ');
}

/** The value of the first `<input name="<field>">` in a page, HTML entities decoded; null when there is none. */
export function hiddenFieldValue(html: string, field: string): string | null {
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!new RegExp(`\\bname="${field}"`).test(input)) continue;
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    return value === undefined ? null : decodeEntities(value);
  }
  return null;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return named[code.toLowerCase()] ?? entity;
  });
}

/** Loads `/demo/posts` like a browser's first visit and keeps what a form post needs. */
export async function openCsrfSession(baseUrl: string): Promise<CsrfSession> {
  const response = await fetch(`${baseUrl}/demo/posts`, { signal: AbortSignal.timeout(10_000) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${baseUrl}/demo/posts answered ${response.status}, not 200; see the app's log`);
  const cookie = cookieHeaderFrom(response.headers.getSetCookie());
  const token = hiddenFieldValue(html, CSRF_FIELD);
  if (!cookie || !token) {
    throw new Error(
      `GET ${baseUrl}/demo/posts gave ${cookie ? 'cookies' : 'no cookies'} and ${token ? 'a' : 'no'} "${CSRF_FIELD}" form field; the load needs both to post the form (has the CSRF field or the page changed?)`,
    );
  }
  return { cookie, token, field: CSRF_FIELD };
}
