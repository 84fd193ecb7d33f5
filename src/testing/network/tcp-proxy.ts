import { createServer, Server, Socket, connect } from 'node:net';

/**
 * How the proxy treats connections: pass them to the database, refuse them
 * (as a stopped server's closed port does), or accept and never answer (as
 * a hung server or a dropped network does).
 */
export type ProxyMode = 'forward' | 'refuse' | 'silent';

export interface TcpProxy {
  port: number;
  /** Switches mode, cutting every open connection, as a server restart would. */
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of the test PostgreSQL, so a test can take
 * "the database" away from a running app and bring it back, without stopping
 * the cluster every other test worker uses. The app's driver meets real
 * socket failures: refused connections, reset connections, silence.
 */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const onConnection = (client: Socket) => {
    track(client);
    if (mode === 'silent') return;
    const upstream = connect(targetPort, targetHost);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };
  let server: Server = createServer(onConnection);
  await listen(server, 0);
  const port = (server.address() as { port: number }).port;

  const cutAll = () => {
    for (const socket of open) socket.destroy();
  };

  return {
    port,
    async setMode(next) {
      if (next === mode) return;
      cutAll();
      if (next === 'refuse') {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (mode === 'refuse') {
        server = createServer(onConnection);
        await listen(server, port);
      }
      mode = next;
    },
    async close() {
      cutAll();
      if (mode !== 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
