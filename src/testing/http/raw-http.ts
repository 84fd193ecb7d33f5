import { connect } from 'node:net';

/**
 * Sends `request` byte for byte over a new connection and reads the answer
 * until the server closes it (send `Connection: close`): for requests no HTTP
 * client would send (a Content-Length that is not a number, a body that does
 * not match it). With `hangUp`, the client also closes its side after the
 * request, as a client that gives up does.
 */
export function sendRawHttp(
  baseUrl: string,
  request: string | Uint8Array,
  { hangUp = false } = {},
): Promise<{ status: number; response: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${baseUrl} within 10 s`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response);
      if (status) resolve({ status: Number(status[1]), response });
      else reject(new Error(`not an HTTP response: ${JSON.stringify(response.slice(0, 200))}`));
    });
    if (hangUp) socket.end(request);
    else socket.write(request);
  });
}
