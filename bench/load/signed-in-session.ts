import { CSRF_FIELD } from '../../src/platform/http/page-locals';

/**
 * What a signed-in browser holds: its cookies (the browser id, the CSRF
 * token cookie and the session) and the token from the add-post form's
 * hidden field. CSRF is a stateless signed double submit and sessions live
 * in PostgreSQL, so one session serves many connections, and every
 * instance of the app accepts it.
 */
export interface SignedInSession {
  /** The account's email, for messages. */
  email: string;
  /** The `Cookie` request header. */
  cookie: string;
  /** The value of the form's hidden field. */
  token: string;
  /** The hidden field's name. */
  field: string;
}

/** The password of every account the load signs up; the accounts live only in the load's own cluster. */
export const LOAD_PASSWORD = 'npm run load virtual user';

/** `name=value` pairs of `Set-Cookie` headers, joined into one `Cookie` header; attributes dropped. */
export function cookieHeaderFrom(setCookies: readonly string[]): string {
  return setCookies
    .map((line) => line.split(';', 1)[0].trim())
    .filter((pair) => pair.includes('='))
    .join('; ');
}

/**
 * The `Cookie` header a browser sends after `setCookies` arrived on top of
 * `cookie`: a cookie set again takes its new value, one the server cleared
 * (Max-Age=0, or an Expires in 1970, as Express's clearCookie writes it) is gone.
 */
export function updatedCookieHeader(cookie: string, setCookies: readonly string[]): string {
  const jar = new Map(
    cookie
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
  );
  for (const line of setCookies) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    if (!pair.includes('=')) continue;
    const name = pair.slice(0, pair.indexOf('='));
    const cleared = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /^expires=.*1970/i.test(attribute));
    if (cleared) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
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

const timeout = () => AbortSignal.timeout(10_000);

/** Posts a form of the app as a browser would, with `cookie`; returns the answer and the cookie header updated by it. */
async function postForm(
  url: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<{ response: Response; body: string; cookie: string }> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    signal: timeout(),
  });
  return { response, body: await response.text(), cookie: updatedCookieHeader(cookie, response.headers.getSetCookie()) };
}

/**
 * Signs a new account up through the app's own pages, as a person's browser
 * would (the sign-up page, its CSRF token, the form post), signs it in (the
 * sign-up starts no session; the sign-in form takes the same CSRF token),
 * then loads `/demo/posts`, which shows the add-post form only to a
 * signed-in user, and keeps what a form post needs.
 */
export async function signUpSession(baseUrl: string, account: { email: string; displayName: string }): Promise<SignedInSession> {
  const page = await fetch(`${baseUrl}/accounts/sign-up`, { signal: timeout() });
  const pageHtml = await page.text();
  if (page.status !== 200) throw new Error(`GET ${baseUrl}/accounts/sign-up answered ${page.status}, not 200; see the app's log`);
  let cookie = cookieHeaderFrom(page.headers.getSetCookie());
  const signUpToken = hiddenFieldValue(pageHtml, CSRF_FIELD);
  if (!cookie || !signUpToken) {
    throw new Error(
      `GET ${baseUrl}/accounts/sign-up gave ${cookie ? 'cookies' : 'no cookies'} and ${signUpToken ? 'a' : 'no'} "${CSRF_FIELD}" form field; the load needs both to sign up (has the CSRF field or the page changed?)`,
    );
  }

  const signedUp = await postForm(`${baseUrl}/accounts/sign-up`, cookie, {
    [CSRF_FIELD]: signUpToken,
    ...account,
    password: LOAD_PASSWORD,
  });
  if (signedUp.response.status !== 303) {
    throw new Error(
      `signing up ${account.email} at ${baseUrl}/accounts/sign-up answered ${signedUp.response.status}, not 303 (429: the sign-up limit): ${signedUp.body.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
  }
  const signedIn = await postForm(`${baseUrl}/accounts/sign-in`, signedUp.cookie, {
    [CSRF_FIELD]: signUpToken,
    email: account.email,
    password: LOAD_PASSWORD,
  });
  if (signedIn.response.status !== 303) {
    throw new Error(
      `signing in ${account.email} at ${baseUrl}/accounts/sign-in after signing up answered ${signedIn.response.status}, not 303 (400: the email was taken before this run, with another password; 429: the sign-in limit): ${signedIn.body.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
  }
  cookie = signedIn.cookie;

  // Also shows (and so clears) the sign-in's flash message, which would otherwise ride along on every request.
  const posts = await fetch(`${baseUrl}/demo/posts`, { headers: { cookie }, signal: timeout() });
  const postsHtml = await posts.text();
  if (posts.status !== 200)
    throw new Error(`GET ${baseUrl}/demo/posts as ${account.email} answered ${posts.status}, not 200; see the app's log`);
  cookie = updatedCookieHeader(cookie, posts.headers.getSetCookie());
  const token = hiddenFieldValue(postsHtml, CSRF_FIELD);
  if (!token) {
    throw new Error(
      `GET ${baseUrl}/demo/posts after signing up ${account.email} shows no add-post form (no "${CSRF_FIELD}" field): the app did not take the session cookie it had just set; see the app's log`,
    );
  }
  return { email: account.email, cookie, token, field: CSRF_FIELD };
}
