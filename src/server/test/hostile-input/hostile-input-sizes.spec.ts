import { CookieClient } from '../../../testing/http/cookie-client';
import { startFixtureServer, type FixtureServer } from '../../../testing/fixture-component/start-fixture-server';
import {
  csrfTokenOf,
  describeHostileCases,
  FORM,
  form,
  HostileCase,
  json,
  JSON_BODY,
  note,
  NOTES,
  TOO_LARGE,
  WANTS_JSON,
} from './hostile-request';

const CASES: HostileCase[] = [
  {
    description: 'a form body over the 100 kB default of HTTP_BODY_LIMIT is refused with 413, before anything reads it',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ content: 'x'.repeat(102_400) })) },
    status: 413,
    says: TOO_LARGE,
  },
  {
    description: 'a body sent in chunks, without a Content-Length, is held to the same limit',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ content: 'x'.repeat(150_000) })), chunked: true },
    status: 413,
    says: TOO_LARGE,
  },
  {
    description: 'a JSON body over the limit is refused with 413, as JSON to a client that asks for it',
    request: { method: 'POST', path: NOTES, headers: { ...JSON_BODY, ...WANTS_JSON }, body: json({ content: 'x'.repeat(102_400) }) },
    status: 413,
    says: TOO_LARGE,
    json: true,
  },
  {
    description: 'the largest valid form, every field at its limit in three-byte characters (9 bytes each encoded), fits the default limit',
    request: {
      method: 'POST',
      path: NOTES,
      headers: FORM,
      body: form(note({ title: '語'.repeat(200), content: '語'.repeat(10_000), author: '語'.repeat(100) })),
    },
    status: 303,
    added: 1,
    stored: { title: '語'.repeat(200), content: '語'.repeat(10_000), author: '語'.repeat(100) },
  },
  {
    description: 'a form with more than 1,000 fields (HTTP_FORM_FIELD_LIMIT) is refused with 413',
    request: {
      method: 'POST',
      path: NOTES,
      headers: FORM,
      body: form(`${note()}&${Array.from({ length: 1000 }, (_, i) => `f${i}=x`).join('&')}`),
    },
    status: 413,
    says: 'The form has more than 1,000 fields',
  },
];

describeHostileCases('hostile input over HTTP: sizes', CASES);

describe('hostile input with HTTP_BODY_LIMIT=2kb and HTTP_FORM_FIELD_LIMIT=10', () => {
  let server: FixtureServer;
  let browser: CookieClient;
  let csrf: string;

  beforeAll(async () => {
    process.env.HTTP_BODY_LIMIT = '2kb';
    process.env.HTTP_FORM_FIELD_LIMIT = '10';
    try {
      server = await startFixtureServer();
    } finally {
      delete process.env.HTTP_BODY_LIMIT;
      delete process.env.HTTP_FORM_FIELD_LIMIT;
    }
    browser = new CookieClient(server.baseUrl);
    csrf = await csrfTokenOf(browser);
  });

  afterAll(() => server?.close());

  const send = (fields: string) => browser.send(NOTES, { method: 'POST', headers: FORM, body: form(fields)(csrf) });

  it('refuses a 3 kB form with 413 naming the 2 kB limit, and accepts a 1 kB one', async () => {
    const large = await send(note({ content: 'x'.repeat(3 * 1024) }));
    const small = await send(note({ content: 'x'.repeat(1024) }));

    expect(large.status).toBe(413);
    expect(await large.text()).toContain('The request is larger than the 2 kB this site accepts; shorten the text and send it again.');
    expect(small.status).toBe(303);
    expect(await server.notes.count()).toBe(1);
  });

  it('refuses a form of 11 fields with 413 naming the limit of 10', async () => {
    // _csrf and the note's four fields, and six more.
    const response = await send(`${note()}&a=1&b=2&c=3&d=4&e=5&f=6`);

    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The form has more than 10 fields');
  });
});
