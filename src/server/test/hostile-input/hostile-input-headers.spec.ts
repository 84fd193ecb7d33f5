import { CookieClient } from '../../../testing/http/cookie-client';
import { sendRawHttp } from '../../../testing/http/raw-http';
import { startFixtureServer, type FixtureServer } from '../../../testing/fixture-component/start-fixture-server';
import { csrfTokenOf, note, NOTES } from './hostile-request';

/**
 * Headers that contradict the body: Node's HTTP parser refuses them, no
 * handler runs, and the app answers 400 with a sentence (malformed-http.ts)
 * and closes the connection. The first row, the same request with honest
 * headers, shows the others would have been stored.
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

describe('hostile input over HTTP: headers that contradict the body', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
  });

  afterAll(() => server?.close());

  it.each(LYING_LENGTHS)(
    'answers a form with %s with %d, and %d notes are stored',
    async (_, expectedStatus, stored, hangUp, lengthHeaders) => {
      await server.notes.clear();
      const browser = new CookieClient(server.baseUrl);
      const csrf = await csrfTokenOf(browser);
      const body = `_csrf=${encodeURIComponent(csrf)}&${note({ title: 'Smuggled' })}`;
      const head = [
        `POST ${NOTES} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: close',
        `Cookie: ${browser.cookieHeader()}`,
        'Content-Type: application/x-www-form-urlencoded',
        lengthHeaders(Buffer.byteLength(body)),
      ];

      const { status, response } = await sendRawHttp(server.baseUrl, `${head.join('\r\n')}\r\n\r\n${body}`, { hangUp });

      expect(status).toBe(expectedStatus);
      if (expectedStatus === 400) expect(response).toMatch(/\r\n\r\nThe request could not be read: its headers are malformed/);
      expect(await server.notes.count()).toBe(stored);
    },
  );
});
