import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [status: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    '431 Request Header Fields Too Large',
    'The request headers are larger than this site accepts (often too many or too large cookies); clear this site’s cookies and try again.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request did not arrive in time; send it again.'],
};

const MALFORMED: [string, string] = [
  '400 Bad Request',
  'The request could not be read: its headers are malformed or contradict each other (for example two different Content-Length headers). Send it again with a standard HTTP client.',
];

/**
 * Requests Node's HTTP parser refuses never reach Express, so no error page
 * can answer them; Node's default is a bare status line. This answers with
 * the status and a sentence saying what was wrong, then closes the
 * connection, as Node does.
 */
export function answerMalformedHttp(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Mid-response (a bad chunk in a body being read): writing a status line would corrupt it, as Node's own handler knows.
    const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const body = `${message}\n`;
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
