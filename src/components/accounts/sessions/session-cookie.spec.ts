import type { AddressInfo } from 'node:net';
import cookieParser from 'cookie-parser';
import express from 'express';
import { SessionCookie } from './session-cookie';

/** Runs `handle` in a real Express response and returns its Set-Cookie headers: the attributes as a browser gets them. */
async function setCookieOf(handle: (response: express.Response) => void): Promise<string[]> {
  const app = express().get('/', (_request, response) => {
    handle(response);
    response.end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return response.headers.getSetCookie();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** What the cookie reads from a request with this Cookie header, through cookie-parser as in the app. */
async function readWith(cookie: SessionCookie, header: string): Promise<string | undefined> {
  const app = express()
    .use(cookieParser())
    .get('/', (request, response) => response.json({ token: cookie.read(request) ?? null }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { cookie: header } });
    return ((await response.json()) as { token: string | null }).token ?? undefined;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const token = 'A'.repeat(43);
const expiresAt = new Date('2030-01-02T03:04:05Z');

describe('SessionCookie', () => {
  it('in development is called session, HttpOnly, SameSite=Lax, Path=/, not Secure, and expires with the session', async () => {
    const [header, ...others] = await setCookieOf((response) => new SessionCookie(false).set(response, token, expiresAt));

    expect(others).toEqual([]);
    expect(header).toBe(`session=${token}; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; SameSite=Lax`);
  });

  it('when secure is called __Host-session and is Secure, with Path=/ and no Domain, as the prefix requires', async () => {
    const [header] = await setCookieOf((response) => new SessionCookie(true).set(response, token, expiresAt));

    expect(header).toBe(`__Host-session=${token}; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; Secure; SameSite=Lax`);
    expect(header).not.toMatch(/domain=/i);
  });

  it.each([
    [false, 'session'],
    [true, '__Host-session'],
  ])('clears (secure: %s) the cookie %s with the same attributes it was set with', async (secure, name) => {
    const [header] = await setCookieOf((response) => new SessionCookie(secure).clear(response));

    expect(header).toMatch(
      new RegExp(`^${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Lax$`),
    );
  });

  it('reads its own cookie and ignores the other name and an empty value', async () => {
    expect(await readWith(new SessionCookie(false), `session=${token}`)).toBe(token);
    expect(await readWith(new SessionCookie(true), `__Host-session=${token}`)).toBe(token);
    expect(await readWith(new SessionCookie(true), `session=${token}`)).toBeUndefined();
    expect(await readWith(new SessionCookie(false), 'session=')).toBeUndefined();
    expect(await readWith(new SessionCookie(false), 'other=1')).toBeUndefined();
  });
});
