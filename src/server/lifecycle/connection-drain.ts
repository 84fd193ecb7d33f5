import type { Server, ServerResponse } from 'node:http';
import type { ShutdownState } from '../../platform/lifecycle/shutdown-state';

export interface DrainResult {
  /** Requests still running when the timeout cut their connections. */
  cut: number;
}

/** How often idle keep-alive connections are closed while draining. */
const SWEEP_INTERVAL_MS = 50;

/**
 * Watches one HTTP server's requests so it can stop without dropping any:
 * from the first signal every response carries `Connection: close`,
 * including those already running, so keep-alive clients reconnect
 * elsewhere after their current request instead of sending the next one
 * here; idle connections are closed as they become idle; requests already
 * accepted run to the end, bounded by the timeout.
 */
export class ConnectionDrain {
  private readonly inFlight = new Set<ServerResponse>();

  constructor(
    private readonly server: Server,
    private readonly state: ShutdownState,
  ) {
    // Prepended: runs before Express, so even a response sent synchronously sees the flag.
    server.prependListener('request', (_request, response: ServerResponse) => {
      if (state.stopping) response.shouldKeepAlive = false;
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    });
  }

  /** Requests being answered right now. */
  get running(): number {
    return this.inFlight.size;
  }

  /**
   * Stops accepting connections and resolves once every accepted request has
   * been answered and its connection closed, or after `timeoutMs`, when
   * whatever still runs is cut off.
   */
  drain(timeoutMs: number): Promise<DrainResult> {
    this.state.begin(timeoutMs);
    for (const response of this.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    if (!this.server.listening) return Promise.resolve({ cut: 0 });
    return new Promise((resolve) => {
      let cut = 0;
      const sweep = setInterval(() => this.server.closeIdleConnections(), SWEEP_INTERVAL_MS);
      const deadline = setTimeout(() => {
        cut = this.inFlight.size;
        this.server.closeAllConnections();
      }, timeoutMs);
      this.server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve({ cut });
      });
      this.server.closeIdleConnections();
    });
  }
}
