import { randomUUID } from 'node:crypto';
import { CookieClient } from '../../testing/http/cookie-client';
import { sendRawHttp } from '../../testing/http/raw-http';
import { signUp } from '../../testing/http/sign-up';
import { resetWorkerSchema } from '../../testing/reset-worker-schema';
import { startTestServer, TestServer } from '../../testing/start-test-server';

/**
 * Every kind of malformed or hostile request the app can receive, over HTTP
 * against the real database: each gets a 4xx with a readable page (or JSON)
 * and changes nothing, or, when it is valid however odd, is stored exactly as
 * sent and shown escaped. Every request comes from a browser that has just
 * signed up, as only a signed-in user may add or delete posts; the author's
 * name is that account's display name.
 */

/** A body built with this browser's CSRF token. */
type WithToken = (csrf: string) => Uint8Array;
/** A body, built with this browser's CSRF token when it needs one. */
type Body = Uint8Array | WithToken;

interface HostileCase {
  /** A sentence: what is sent and what must happen. */
  description: string;
  request: { method?: string; path: string; headers?: Record<string, string>; body?: Body; chunked?: boolean };
  /** The display name the sending browser signs up with; 'Ada' unless given. */
  author?: string;
  status: number;
  /** Part of the message of a rejection, as the page (or JSON) shows it. */
  says?: string;
  /** Answered as JSON, to a client that asks for it. */
  json?: boolean;
  /** Posts the request adds: 1 for a valid post, else nothing (posts or accounts) may change. */
  added?: 1;
  /** The post as stored, exactly, with its author's display name; shown escaped on the list and its delete page. */
  stored?: { title: string; content: string | null; author: string };
  /** The page of the (two-page) list shown. */
  showsPage?: number;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_BODY = { 'content-type': 'application/json' };
const WANTS_JSON = { accept: 'application/json' };

/** A form body after its CSRF field; `fields` is sent byte for byte (write escapes yourself). */
const form =
  (fields: string | Uint8Array): WithToken =>
  (csrf) =>
    Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(csrf)}&`), Buffer.from(fields)]);

/** A valid post's fields, properly encoded, with `overrides`. */
const post = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({ title: 'A title', content: '', status: 'PUBLISHED', ...overrides }).toString();

const json =
  (fields: Record<string, unknown>): WithToken =>
  (csrf) =>
    Buffer.from(JSON.stringify({ _csrf: csrf, ...fields }));

/** The same text in every text field of the post and in its author's name, to be stored as it is and shown escaped. */
const everywhere = (text: string): Pick<HostileCase, 'request' | 'author' | 'status' | 'added' | 'stored'> => ({
  request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ title: text, content: text })) },
  author: text,
  status: 303,
  added: 1,
  stored: { title: text, content: text, author: text },
});

const CONTROL_CHARACTERS = 'Remove the invisible control characters';
const TOO_LARGE = 'The request is larger than the 100 kB this site accepts';
const NOT_A_FORM = 'accepts a request body only as a form (application/x-www-form-urlencoded) or as JSON (application/json)';
const NOT_UTF8_CHARSET = 'This site reads request bodies in UTF-8 only';
const MALFORMED_FORM_ESCAPE = 'The form contains a malformed %-escape';
const MALFORMED_ADDRESS = 'The address contains a malformed %-escape';
const NOT_UTF8 = 'The request body is not valid UTF-8 text';

const CASES: HostileCase[] = [
  // Size
  {
    description: 'a form body over the 100 kB default of HTTP_BODY_LIMIT is refused with 413, before anything reads it',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ content: 'x'.repeat(102_400) })) },
    status: 413,
    says: TOO_LARGE,
  },
  {
    description: 'a body sent in chunks, without a Content-Length, is held to the same limit',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ content: 'x'.repeat(150_000) })), chunked: true },
    status: 413,
    says: TOO_LARGE,
  },
  {
    description: 'a JSON body over the limit is refused with 413, as JSON to a client that asks for it',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: { ...JSON_BODY, ...WANTS_JSON },
      body: json({ content: 'x'.repeat(102_400) }),
    },
    status: 413,
    says: TOO_LARGE,
    json: true,
  },
  {
    description:
      'the largest valid form, every field at its limit in three-byte characters (9 bytes each encoded), fits the default limit; so does an author name at its limit',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: FORM,
      body: form(post({ title: '語'.repeat(200), content: '語'.repeat(10_000) })),
    },
    author: '語'.repeat(100),
    status: 303,
    added: 1,
    stored: { title: '語'.repeat(200), content: '語'.repeat(10_000), author: '語'.repeat(100) },
  },
  {
    description: 'a form with more than 1,000 fields (HTTP_FORM_FIELD_LIMIT) is refused with 413',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: FORM,
      body: form(`${post()}&${Array.from({ length: 1000 }, (_, i) => `f${i}=x`).join('&')}`),
    },
    status: 413,
    says: 'The form has more than 1,000 fields',
  },
  // Shape
  {
    description: 'a nested field (title[a]=x) is a field of another name, so the title is missing: 400 with the form’s message',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title[a]=x&status=PUBLISHED') },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'a bracketed field (content[]=x) is an unknown field, not an array: the post is stored without content',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=Flat&content[]=x') },
    status: 303,
    added: 1,
    stored: { title: 'Flat', content: null, author: 'Ada' },
  },
  {
    description: 'a repeated title (title=a&title=b) is not one text: 400 with the form’s message',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=a&title=b&status=PUBLISHED') },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'a repeated status is not one of the choices: 400 naming them',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ status: 'DRAFT' }) + '&status=ARCHIVED') },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  {
    description: 'fields named __proto__ and constructor[prototype] are plain unknown fields: the post is stored and nothing polluted',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: FORM,
      body: form(`${post({ title: 'Prototype' })}&__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x`),
    },
    status: 303,
    added: 1,
    stored: { title: 'Prototype', content: null, author: 'Ada' },
  },
  // Content types and charsets
  ...(
    [
      ['text/plain', 'text/plain'],
      ['XML', 'application/xml'],
      ['multipart (a file upload form)', 'multipart/form-data; boundary=x'],
    ] as const
  ).map(([name, type]): HostileCase => ({
    description: `a ${name} body is refused with 415, whatever it holds`,
    request: { method: 'POST', path: '/demo/posts', headers: { 'content-type': type }, body: form(post()) },
    status: 415,
    says: NOT_A_FORM,
  })),
  {
    description: 'a body without a Content-Type is refused with 415',
    request: { method: 'POST', path: '/demo/posts', body: form(post()) },
    status: 415,
    says: NOT_A_FORM,
  },
  {
    description: 'an unsupported content type is refused with 415 as JSON to a client that asks for it',
    request: { method: 'POST', path: '/demo/posts', headers: { 'content-type': 'text/plain', ...WANTS_JSON }, body: form(post()) },
    status: 415,
    says: NOT_A_FORM,
    json: true,
  },
  ...['koi8-r', 'no-such-charset', 'iso-8859-1'].map((charset): HostileCase => ({
    description: `a form declared in charset ${charset} is refused with 415: forms are read as UTF-8 only`,
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: { 'content-type': `${FORM['content-type']}; charset=${charset}` },
      body: form(post()),
    },
    status: 415,
    says: NOT_UTF8_CHARSET,
  })),
  {
    description: 'a form declared as UTF-8 (charset=UTF-8) is read as usual',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: { 'content-type': `${FORM['content-type']}; charset=UTF-8` },
      body: form(post()),
    },
    status: 303,
    added: 1,
    stored: { title: 'A title', content: null, author: 'Ada' },
  },
  {
    description: 'JSON declared in UTF-16 is refused with 415',
    request: { method: 'POST', path: '/demo/posts', headers: { 'content-type': 'application/json; charset=utf-16' }, body: json({}) },
    status: 415,
    says: NOT_UTF8_CHARSET,
  },
  // JSON to the form's route: the same fields and rules (and the CSRF token in the body)
  {
    description: 'JSON with the form’s fields is accepted like the form: same rules, same CSRF check',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: JSON_BODY,
      body: json({ title: 'From JSON', status: 'DRAFT' }),
    },
    status: 303,
    added: 1,
    stored: { title: 'From JSON', content: null, author: 'Ada' },
  },
  {
    description: 'JSON with a number, an array and an object for the form’s fields is refused with the form’s messages',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: JSON_BODY,
      body: json({ title: 42, content: ['x'], status: { value: 'DRAFT' } }),
    },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'JSON with an unpaired surrogate escape (\\ud800) in the title is refused with the field’s message',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: JSON_BODY,
      body: (csrf) => Buffer.from(`{"_csrf":"${csrf}","title":"a\\ud800"}`),
    },
    status: 400,
    says: CONTROL_CHARACTERS,
  },
  {
    description: 'JSON that does not parse is refused with 400',
    request: { method: 'POST', path: '/demo/posts', headers: JSON_BODY, body: Buffer.from('{"title": "unterminated') },
    status: 400,
    says: 'The request body is not valid JSON',
  },
  {
    description: 'JSON with bytes that are not UTF-8 is refused with 400',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: JSON_BODY,
      body: (csrf) => Buffer.from([...Buffer.from(`{"_csrf":"${csrf}","title":"`), 0xc3, 0x28, 0x22, 0x7d]),
    },
    status: 400,
    says: NOT_UTF8,
  },
  // Control characters
  ...(
    [
      ['title', 'NUL', '%00'],
      ['title', 'a line break', '%0A'],
      ['title', 'a C1 control (NEL)', '%C2%85'],
      ['content', 'NUL', '%00'],
      ['content', 'a backspace', '%08'],
      ['content', 'a delete character', '%7F'],
    ] as const
  ).map(([field, name, escaped]): HostileCase => ({
    description: `${name} in the ${field} is refused with 400 and the field’s message (PostgreSQL text cannot even hold NUL)`,
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: FORM,
      body: form(`${post({ [field]: 'x' })}`.replace(`${field}=x`, `${field}=a${escaped}b`)),
    },
    status: 400,
    says: CONTROL_CHARACTERS,
  })),
  // The author's name comes from the account: the sign-up form holds it to the same rule.
  ...(
    [
      ['NUL', '%00'],
      ['an escape character', '%1B'],
      ['a line break', '%0A'],
    ] as const
  ).map(([name, escaped]): HostileCase => ({
    description: `${name} in the name of a new account is refused with 400 and the field’s message, and no account is added`,
    request: {
      method: 'POST',
      path: '/accounts/sign-up',
      headers: FORM,
      body: form(`email=hostile%40example.test&displayName=a${escaped}b&password=a+long+enough+password`),
    },
    status: 400,
    says: `${CONTROL_CHARACTERS} (such as NUL or a line break) from the name.`,
  })),
  {
    description: 'tabs, line feeds and carriage returns inside the content are kept as typed',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ content: 'one\r\n\ttwo\nthree' })) },
    status: 303,
    added: 1,
    stored: { title: 'A title', content: 'one\r\n\ttwo\nthree', author: 'Ada' },
  },
  // Encoding
  {
    description: 'a truncated %-escape in the body (title=%E0%A4%A) is refused with 400, not stored as its literal text',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=%E0%A4%A') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'a bare % in the body (title=100%) is refused with 400',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=100%') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'escaped bytes that are not UTF-8 (title=%C3%28) are refused with 400',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=%C3%28') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'an escaped surrogate (title=%ED%A0%80), which UTF-8 forbids, is refused with 400',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form('title=%ED%A0%80') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'raw bytes that are not UTF-8 (0xC3 0x28) in the body are refused with 400, not stored as U+FFFD',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: FORM,
      body: form(Buffer.from([...Buffer.from('status=PUBLISHED&title=a'), 0xc3, 0x28])),
    },
    status: 400,
    says: NOT_UTF8,
  },
  {
    description: 'raw bytes that are not UTF-8 are refused as JSON to a client that asks for it',
    request: {
      method: 'POST',
      path: '/demo/posts',
      headers: { ...FORM, ...WANTS_JSON },
      body: form(Buffer.from([...Buffer.from('title='), 0xff])),
    },
    status: 400,
    says: NOT_UTF8,
    json: true,
  },
  {
    description: 'a malformed %-escape in the path of a delete (POST) is refused with 400 and deletes nothing',
    request: { method: 'POST', path: '/demo/posts/%E0%A4%A/delete', headers: FORM, body: form('') },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in the path of a page (GET) is refused with 400',
    request: { path: '/demo/posts/%E0%A4%A/delete' },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in the query string is refused with 400',
    request: { path: '/demo/posts?page=%E0%A4%A' },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in an unknown address is refused with 400 as JSON to a client that asks for it',
    request: { path: '/no/such/%ZZ', headers: WANTS_JSON },
    status: 400,
    says: MALFORMED_ADDRESS,
    json: true,
  },
  // Numbers in the query string: the list shows page 1, or the last page (2 of 2)
  ...(
    [
      ['a number too large to count with', '?page=99999999999999999999', 2],
      ['a number with four hundred digits', `?page=${'9'.repeat(400)}`, 2],
      ['a negative number', '?page=-1', 1],
      ['zero', '?page=0', 1],
      ['a word', '?page=abc', 1],
      ['an exponent', '?page=1e3', 1],
      ['a fraction', '?page=1.5', 1],
      ['a hexadecimal number', '?page=0x2', 1],
      ['an array (page[]=2)', '?page[]=2', 1],
      ['a repeated page', '?page=2&page=2', 1],
      ['an empty page', '?page=', 1],
      ['a markup-shaped parameter name', '?page=2&%3Cscript%3E=1', 2],
    ] as const
  ).map(([name, query, page]): HostileCase => ({
    description: `${name} as the page (${query.length > 40 ? `${query.slice(0, 16)}…` : query}) shows page ${page} of the list, never an error`,
    request: { path: `/demo/posts${query}` },
    status: 200,
    showsPage: page,
  })),
  // Ids in paths
  {
    description: 'the delete page of a malformed id is a 404 page',
    request: { path: '/demo/posts/not-a-uuid/delete' },
    status: 404,
    says: 'This post does not exist, or it has been deleted already.',
  },
  {
    description: 'the delete page of an id one digit too long is a 404 page',
    request: { path: `/demo/posts/${randomUUID()}0/delete` },
    status: 404,
    says: 'This post does not exist',
  },
  {
    description: 'deleting a malformed id changes nothing and lands on the list',
    request: { method: 'POST', path: '/demo/posts/not-a-uuid/delete', headers: FORM, body: form('') },
    status: 303,
  },
  {
    description: 'deleting an SQL-shaped id changes nothing and lands on the list',
    request: { method: 'POST', path: `/demo/posts/${encodeURIComponent("' OR '1'='1")}/delete`, headers: FORM, body: form('') },
    status: 303,
  },
  // Enum values
  {
    description: 'an unknown status is refused with 400 naming the choices',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ status: 'DELETED' })) },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  {
    description: 'a status in the wrong case (published) is refused with 400 naming the choices',
    request: { method: 'POST', path: '/demo/posts', headers: FORM, body: form(post({ status: 'published' })) },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  // Markup and SQL: valid text, stored as sent, shown escaped
  { description: 'a script element in every field is stored as typed and shown escaped', ...everywhere('<script>alert(1)</script>') },
  {
    description: 'an attribute breakout in every field is stored as typed and shown escaped',
    ...everywhere('"><img src=x onerror=alert(1)>'),
  },
  { description: 'an SQL statement in every field is stored as typed and does nothing', ...everywhere(`'; DROP TABLE "DemoPost"; --`) },
  { description: 'an SQL condition in every field is stored as typed and does nothing', ...everywhere("' OR '1'='1") },
  // Unknown addresses and methods
  {
    description: 'an unknown address shaped like a script element is a 404 page that does not echo it',
    request: { path: '/%3Cscript%3Ealert(1)%3C/script%3E' },
    status: 404,
    says: 'There is no page at this address.',
  },
  {
    description: 'a path climbing out of /static/ (%2e%2e) is a 404 page, not a file',
    request: { path: '/static/%2e%2e/%2e%2e/package.json' },
    status: 404,
    says: 'There is no page at this address.',
  },
  {
    description: 'a method the route does not have (PUT on the form) is a 404 page and changes nothing',
    request: { method: 'PUT', path: '/demo/posts', headers: FORM, body: form(post()) },
    status: 404,
    says: 'There is no page at this address.',
  },
];

/** How React escapes text and attribute values. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('hostile input over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(() => server.close());

  /** Two pages of posts (21), so a list page can be told apart from the first. */
  async function seedPosts(): Promise<void> {
    // A placeholder account (no password hash), as the migration makes of the old free-text authors.
    const author = await server.prisma.accountsUser.create({
      data: { displayName: 'Seeded', email: 'seeded@placeholder.invalid', passwordHash: null },
    });
    await server.prisma.demoPost.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({
        title: `Seeded ${i + 1}`,
        authorId: author.id,
        createdAt: new Date(Date.UTC(2025, 0, i + 1)),
      })),
    });
  }

  const counts = async () => ({ posts: await server.prisma.demoPost.count(), accounts: await server.prisma.accountsUser.count() });

  it.each(CASES.map((testCase) => [testCase.description, testCase] as const))('%s', async (_, testCase) => {
    await resetWorkerSchema(server.prisma);
    await seedPosts();
    const browser = new CookieClient(server.baseUrl);
    await signUp(browser, { displayName: testCase.author ?? 'Ada' });
    const csrf = CookieClient.csrfTokenIn(await (await browser.get('/demo/posts')).text());
    const before = await counts();
    const { method = 'GET', path, headers, body, chunked = false } = testCase.request;
    const bytes = typeof body === 'function' ? body(csrf) : body;

    const response = await browser.send(path, {
      method,
      headers,
      body: chunked && bytes ? new Blob([bytes]).stream() : bytes,
    });
    const text = await response.text();

    expect(response.status).toBe(testCase.status);
    if (testCase.json) {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toMatchObject({ statusCode: testCase.status, message: expect.stringContaining(testCase.says ?? '') });
    } else if (testCase.status >= 400) {
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toMatch(/^<!DOCTYPE html>/);
      expect(text).toContain(escapeHtml(testCase.says ?? ''));
      expect(text).not.toMatch(/at \w+ \(|SELECT|Prisma/);
    }
    if (testCase.status === 303) expect(response.headers.get('location')).toBe('/demo/posts');
    if (testCase.showsPage) expect(text).toContain(`Page <!-- -->${testCase.showsPage}<!-- --> of <!-- -->2`);
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const after = await counts();
    if (testCase.added) expect(after.posts).toBe(before.posts + 1);
    else expect(after).toEqual(before);

    if (testCase.stored) {
      const newest = await server.prisma.demoPost.findFirstOrThrow({ orderBy: { createdAt: 'desc' }, include: { author: true } });
      const { title, content, author } = testCase.stored;
      expect({ title: newest.title, content: newest.content, author: newest.author.displayName }).toEqual(testCase.stored);
      // The list as a signed-out visitor sees it: no header naming the signed-in author, so the name found is the post's.
      const list = await (await new CookieClient(server.baseUrl).get('/demo/posts')).text();
      // Only the author may open the delete confirmation.
      const confirmation = await (await browser.get(`/demo/posts/${newest.id}/delete`)).text();
      for (const page of [list, confirmation]) {
        expect(page).toContain(escapeHtml(title));
        if (title !== escapeHtml(title)) expect(page).not.toContain(title);
      }
      if (content && content.length < 200) expect(list).toContain(escapeHtml(content));
      expect(list).toContain(escapeHtml(author));
    }
  });

  /**
   * Headers that contradict the body: Node's HTTP parser refuses them, no
   * handler runs, and the app answers 400 with a sentence (malformed-http.ts)
   * and closes the connection. The first row, the same
   * request with honest headers, shows the others would have been stored.
   */
  const LYING_LENGTHS: [description: string, status: number, stored: number, hangUp: boolean, headers: (length: number) => string][] = [
    ['an honest Content-Length', 303, 1, false, (length) => `Content-Length: ${length}`],
    ['a Content-Length that is not a number', 400, 0, false, (length) => `Content-Length: ${length}abc`],
    ['two different Content-Lengths', 400, 0, false, (length) => `Content-Length: ${length}\r\nContent-Length: ${length + 1}`],
    [
      'both Content-Length and Transfer-Encoding (request smuggling)',
      400,
      0,
      false,
      (length) => `Content-Length: ${length}\r\nTransfer-Encoding: chunked`,
    ],
    [
      'a Content-Length far beyond the body, and a client that then hangs up',
      400,
      0,
      true,
      (length) => `Content-Length: ${length * 1_000_000}`,
    ],
  ];

  it.each(LYING_LENGTHS)(
    'answers a form with %s with %d, and %d posts are stored',
    async (_, expectedStatus, stored, hangUp, lengthHeaders) => {
      await resetWorkerSchema(server.prisma);
      const browser = new CookieClient(server.baseUrl);
      await signUp(browser);
      const csrf = CookieClient.csrfTokenIn(await (await browser.get('/demo/posts')).text());
      const body = `_csrf=${encodeURIComponent(csrf)}&${post({ title: 'Smuggled' })}`;
      const head = [
        'POST /demo/posts HTTP/1.1',
        'Host: 127.0.0.1',
        'Connection: close',
        `Cookie: ${browser.cookieHeader()}`,
        'Content-Type: application/x-www-form-urlencoded',
        lengthHeaders(Buffer.byteLength(body)),
      ];

      const { status, response } = await sendRawHttp(server.baseUrl, `${head.join('\r\n')}\r\n\r\n${body}`, { hangUp });

      expect(status).toBe(expectedStatus);
      if (expectedStatus === 400) expect(response).toMatch(/\r\n\r\nThe request could not be read: its headers are malformed/);
      expect(await server.prisma.demoPost.count()).toBe(stored);
    },
  );
});

describe('hostile input with HTTP_BODY_LIMIT=2kb and HTTP_FORM_FIELD_LIMIT=10', () => {
  let server: TestServer;
  let browser: CookieClient;
  let csrf: string;

  beforeAll(async () => {
    process.env.HTTP_BODY_LIMIT = '2kb';
    process.env.HTTP_FORM_FIELD_LIMIT = '10';
    try {
      server = await startTestServer();
    } finally {
      delete process.env.HTTP_BODY_LIMIT;
      delete process.env.HTTP_FORM_FIELD_LIMIT;
    }
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
    await signUp(browser);
    csrf = CookieClient.csrfTokenIn(await (await browser.get('/demo/posts')).text());
  });

  afterAll(() => server.close());

  const send = (fields: string) => browser.send('/demo/posts', { method: 'POST', headers: FORM, body: form(fields)(csrf) });

  it('refuses a 3 kB form with 413 naming the 2 kB limit, and accepts a 1 kB one', async () => {
    const large = await send(post({ content: 'x'.repeat(3 * 1024) }));
    const small = await send(post({ content: 'x'.repeat(1024) }));

    expect(large.status).toBe(413);
    expect(await large.text()).toContain('The request is larger than the 2 kB this site accepts; shorten the text and send it again.');
    expect(small.status).toBe(303);
    expect(await server.prisma.demoPost.count()).toBe(1);
  });

  it('refuses a form of 11 fields with 413 naming the limit of 10', async () => {
    // _csrf and the post's three fields, and seven more.
    const response = await send(`${post()}&a=1&b=2&c=3&d=4&e=5&f=6&g=7`);

    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The form has more than 10 fields');
  });
});
