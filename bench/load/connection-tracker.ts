/** What one request sent by the load came to. */
export type RequestFate =
  | { kind: 'answered'; status: number; retryAfter: boolean }
  /** The TCP connection was refused: the request never reached the app. */
  | { kind: 'refused' }
  /** Written on a connection whose previous answer said `Connection: close`: the server had announced it would not read it. */
  | { kind: 'not-accepted' }
  /** The connection closed or broke while the request waited for its answer. */
  | { kind: 'dropped'; reason: string }
  /** No answer within autocannon's request timeout. */
  | { kind: 'timed-out' }
  /** Still waiting for its answer when the load generator stopped. */
  | { kind: 'cut-off' };

export type RequestKind = 'list' | 'post';

export interface RequestRecord {
  /** `list`: GET /demo/posts; `post`: the add-post form. */
  kind: RequestKind;
  /** The post's unique title (posts only). */
  title?: string;
  /** Base URL of the app instance the connection talks to. */
  target: string;
  /** Milliseconds since the traffic started. */
  sentAt: number;
  /** When the fate became known, in the same clock. */
  doneAt?: number;
  /** Unset while the request is outstanding. */
  fate?: RequestFate;
}

/**
 * Follows one autocannon connection (one request outstanding at a time,
 * pipelining 1) and records what became of every request, which autocannon's
 * own counters cannot say per request.
 *
 * autocannon never reports a request it gave up on: after a connection error,
 * a server-side close or a timeout it reconnects and sends the *next* request.
 * So a request is known to be lost when the next one is built while it is
 * still outstanding, and the connection events seen in between say why.
 */
export class ConnectionTracker {
  private outstanding: RequestRecord | null = null;
  private lastError: string | null = null;
  /** The previous answer on this connection carried `Connection: close`. */
  private closing = false;
  private sentAfterClose = false;
  /** The record settled when the current request was built (see timedOut). */
  private lastSettled: RequestRecord | null = null;

  constructor(
    readonly target: string,
    private readonly record: (request: RequestRecord) => void,
    private readonly now: () => number,
  ) {}

  /** autocannon is building the next request of this connection; it is written right after. */
  sending(kind: RequestKind, title?: string): void {
    this.lastSettled = this.settleLost();
    const request: RequestRecord = { kind, target: this.target, sentAt: this.now(), ...(title === undefined ? {} : { title }) };
    this.outstanding = request;
    this.sentAfterClose = this.closing;
    this.lastError = null;
    this.record(request);
  }

  answered(status: number, headers: Record<string, unknown>): void {
    const request = this.outstanding;
    if (!request) return;
    const header = (name: string) => {
      const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
      return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
    };
    request.fate = { kind: 'answered', status, retryAfter: header('retry-after') !== undefined };
    request.doneAt = this.now();
    this.closing = header('connection')?.toLowerCase() === 'close';
    this.outstanding = null;
  }

  /** A socket error on this connection (autocannon's `connError`). */
  connectionError(code: string): void {
    this.lastError = code;
  }

  /**
   * autocannon emits `timeout` only after it has already reconnected and
   * built the next request, so the timed-out request is the one settled at
   * that moment (as dropped, for want of an error); correct it.
   */
  timedOut(): void {
    if (this.lastSettled?.fate?.kind === 'dropped') this.lastSettled.fate = { kind: 'timed-out' };
  }

  /** The load generator stopped: whatever is still outstanding was cut off. */
  finish(): void {
    if (!this.outstanding) return;
    this.outstanding.fate = { kind: 'cut-off' };
    this.outstanding.doneAt = this.now();
    this.outstanding = null;
  }

  hasOutstanding(kind: RequestKind): boolean {
    return this.outstanding?.kind === kind;
  }

  private settleLost(): RequestRecord | null {
    const request = this.outstanding;
    if (!request) return null;
    request.fate =
      this.lastError === 'ECONNREFUSED'
        ? { kind: 'refused' }
        : this.sentAfterClose
          ? { kind: 'not-accepted' }
          : { kind: 'dropped', reason: this.lastError ?? 'connection closed by the server' };
    request.doneAt = this.now();
    this.outstanding = null;
    // autocannon reconnects after a lost request: the next one goes out on a new socket.
    this.closing = false;
    return request;
  }
}
