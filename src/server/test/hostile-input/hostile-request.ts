import { CookieClient } from '../../../testing/http/cookie-client';
import { startFixtureServer, type FixtureServer } from '../../../testing/fixture-component/start-fixture-server';

/**
 * What the hostile-input-*.spec.ts files share: malformed or hostile requests
 * to the fixture component's pages and form (src/testing/fixture-component/),
 * over HTTP against the real database. Each gets a 4xx with a readable page
 * (or JSON) and changes nothing, or, when it is valid however odd, is stored
 * exactly as sent and shown escaped.
 */

/** A body built with this browser's CSRF token. */
export type WithToken = (csrf: string) => Uint8Array;
/** A body, built with this browser's CSRF token when it needs one. */
export type Body = Uint8Array | WithToken;

export interface HostileCase {
  /** A sentence: what is sent and what must happen. */
  description: string;
  request: { method?: string; path: string; headers?: Record<string, string>; body?: Body; chunked?: boolean };
  status: number;
  /** Part of the message of a rejection, as the page (or JSON) shows it. */
  says?: string;
  /** Answered as JSON, to a client that asks for it. */
  json?: boolean;
  /** Notes the request adds: 1 for a valid note, else nothing may change. */
  added?: 1;
  /** The note as stored, exactly; shown escaped on the list and on its delete page. */
  stored?: { title: string; content: string | null; author: string };
  /** The page of the (two-page) list shown. */
  showsPage?: number;
}

export const NOTES = '/fixture/notes';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const JSON_BODY = { 'content-type': 'application/json' };
export const WANTS_JSON = { accept: 'application/json' };

export const CONTROL_CHARACTERS = 'Remove the invisible control characters';
export const TOO_LARGE = 'The request is larger than the 100 kB this site accepts';

/** A form body after its CSRF field; `fields` is sent byte for byte (write escapes yourself). */
export const form =
  (fields: string | Uint8Array): WithToken =>
  (csrf) =>
    Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(csrf)}&`), Buffer.from(fields)]);

/** A valid note's fields, properly encoded, with `overrides`. */
export const note = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({ title: 'A title', content: '', status: 'PUBLISHED', author: 'Ada', ...overrides }).toString();

export const json =
  (fields: Record<string, unknown>): WithToken =>
  (csrf) =>
    Buffer.from(JSON.stringify({ _csrf: csrf, ...fields }));

/** How React escapes text and attribute values. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** Two pages of notes (21), so a list page can be told apart from the first. */
async function seedNotes(server: FixtureServer): Promise<void> {
  for (let i = 0; i < 21; i++) {
    await server.notes.create(
      { title: `Seeded ${i + 1}`, content: null, status: 'PUBLISHED', author: 'Seeded' },
      new Date(Date.UTC(2025, 0, i + 1)),
    );
  }
}

/** A fresh browser's CSRF token, from the form on the list page. */
export async function csrfTokenOf(browser: CookieClient): Promise<string> {
  return CookieClient.csrfTokenIn(await (await browser.get(NOTES)).text());
}

/** Sends the case's request from a fresh browser to a list of 21 notes, and checks what it answers and what it stored. */
export async function expectHostileCase(server: FixtureServer, testCase: HostileCase): Promise<void> {
  await server.notes.clear();
  await seedNotes(server);
  const browser = new CookieClient(server.baseUrl);
  const csrf = await csrfTokenOf(browser);
  const before = await server.notes.count();
  const { method = 'GET', path, headers, body, chunked = false } = testCase.request;
  const bytes = typeof body === 'function' ? body(csrf) : body;

  const response = await browser.send(path, { method, headers, body: chunked && bytes ? new Blob([bytes]).stream() : bytes });
  const text = await response.text();

  expect(response.status).toBe(testCase.status);
  if (testCase.json) {
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = JSON.parse(text) as { statusCode: unknown; message: unknown };
    expect(answer.statusCode).toBe(testCase.status);
    expect(answer.message).toEqual(expect.stringContaining(testCase.says ?? ''));
  } else if (testCase.status >= 400) {
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain(escapeHtml(testCase.says ?? ''));
    expect(text).not.toMatch(/at \w+ \(|SELECT|Prisma/);
  }
  if (testCase.status === 303) expect(response.headers.get('location')).toBe(NOTES);
  if (testCase.showsPage) expect(text).toContain(`Page <!-- -->${testCase.showsPage}<!-- --> of <!-- -->2`);
  expect(text).not.toContain('<script>alert(1)</script>');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  expect(await server.notes.count()).toBe(before + (testCase.added ?? 0));
  if (testCase.stored) {
    const newest = await server.notes.newest();
    const { title, content, author } = testCase.stored;
    expect({ title: newest?.title, content: newest?.content, author: newest?.author }).toEqual(testCase.stored);
    const list = await (await new CookieClient(server.baseUrl).get(NOTES)).text();
    const confirmation = await (await browser.get(`${NOTES}/${newest!.id}/delete`)).text();
    for (const page of [list, confirmation]) {
      expect(page).toContain(escapeHtml(title));
      if (title !== escapeHtml(title)) expect(page).not.toContain(title);
    }
    if (content && content.length < 200) expect(list).toContain(escapeHtml(content));
    expect(list).toContain(escapeHtml(author));
    if (author !== escapeHtml(author)) expect(list).not.toContain(author);
  }
}

/** One describe block per file: the fixture component's server, then each case as its own test named by its description. */
export function describeHostileCases(title: string, cases: readonly HostileCase[]): void {
  describe(title, () => {
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
    });

    afterAll(() => server?.close());

    it.each(cases.map((testCase) => [testCase.description, testCase] as const))('%s', (_, testCase) => expectHostileCase(server, testCase));
  });
}
