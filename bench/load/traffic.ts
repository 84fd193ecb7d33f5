import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionTracker, RequestRecord } from './connection-tracker';
import type { SignedInSession } from './signed-in-session';
import { demoPostBody, FORM_CONTENT_TYPE, POSTS_PATH } from './demo-post-form';
import { countRequests, formatStatuses } from './traffic-counts';

export interface TrafficOptions {
  /** Base URLs of the app instances; autocannon spreads the connections over them in turn. */
  targets: string[];
  connections: number;
  /** Signed-in virtual users; connection i posts as session i mod n. */
  sessions: SignedInSession[];
  /** `load-<run>-`: every post gets this prefix and a running number, so it can be found in the database. */
  titlePrefix: string;
  /**
   * A safety net: autocannon ends by itself after this long even if the
   * scenario never stops it. Scenarios stop it earlier themselves.
   */
  maxSeconds: number;
  log: (line: string) => void;
}

export interface TrafficResult {
  records: RequestRecord[];
  seconds: number;
  /** Answered requests per second of traffic. */
  requestsPerSecond: number;
  /** autocannon's latency percentiles over every answer, in ms. */
  p50Ms: number;
  p99Ms: number;
}

/** How long autocannon waits for an answer before it counts a timeout and reconnects. */
const REQUEST_TIMEOUT_S = 10;

/**
 * The load: every connection alternates `GET /demo/posts` and a form post
 * with a unique title, with one request outstanding at a time (no
 * pipelining), over keep-alive connections, like browsers behind a proxy,
 * each signed in as one of the virtual users. Each connection has a tracker
 * that records every request's fate.
 */
export class Traffic {
  readonly records: RequestRecord[] = [];
  private readonly trackers: ConnectionTracker[] = [];
  private readonly started = performance.now();
  private readonly instance: autocannon.Instance;
  private readonly finished: Promise<autocannon.Result>;
  private readonly progress: NodeJS.Timeout;
  private posting = true;
  private stopped: Promise<TrafficResult> | undefined;
  private posts = 0;

  constructor(private readonly options: TrafficOptions) {
    let finish!: (result: autocannon.Result) => void;
    let fail!: (error: Error) => void;
    this.finished = new Promise((resolve, reject) => ((finish = resolve), (fail = reject)));
    this.instance = autocannon(
      {
        // Typed as one URL; autocannon takes a list and gives connection i the URL i mod n.
        url: options.targets as unknown as string,
        connections: options.connections,
        duration: options.maxSeconds,
        timeout: REQUEST_TIMEOUT_S,
        // autocannon acts on stop() at its next sample; every 100 ms (instead of 1 s) keeps it from
        // reconnecting to a stopped app for long. Its per-sample request counts are not used.
        sampleInt: 100,
        setupClient: (client) => this.setupClient(client),
      },
      (error: Error | null, result) => (error ? fail(error) : finish(result)),
    );
    // Every 5 s, the answers of the last 5 s: enough to watch an outage or a shutdown happen.
    let since = 0;
    this.progress = setInterval(() => {
      const until = this.now();
      const recent = this.records.filter((record) => record.fate?.kind === 'answered' && record.doneAt! > since && record.doneAt! <= until);
      since = until;
      options.log(`  ${(until / 1000).toFixed(0).padStart(3)} s: ${formatStatuses(countRequests(recent))}`);
    }, 5_000);
  }

  get isStopped(): boolean {
    return this.stopped !== undefined;
  }

  /** Milliseconds since the traffic started: the clock of every record. */
  now(): number {
    return performance.now() - this.started;
  }

  /**
   * Stops posting, waits until every post sent so far has its answer
   * (bounded by the request timeout), then stops. Only reads are cut off
   * at the end, so the write check has (almost) no unknown outcomes.
   */
  async drainAndStop(): Promise<TrafficResult> {
    this.posting = false;
    const deadline = performance.now() + (REQUEST_TIMEOUT_S + 1) * 1000;
    while (this.trackers.some((tracker) => tracker.hasOutstanding('post')) && performance.now() < deadline) await sleep(20);
    return this.stop();
  }

  /** Stops now; requests still outstanding are recorded as cut off. Safe to call again (a scenario's `finally`). */
  stop(): Promise<TrafficResult> {
    return (this.stopped ??= this.stopNow());
  }

  private async stopNow(): Promise<TrafficResult> {
    clearInterval(this.progress);
    this.instance.stop();
    const result = await this.finished;
    for (const tracker of this.trackers) tracker.finish();
    const seconds = this.now() / 1000;
    return {
      records: this.records,
      seconds,
      requestsPerSecond: countRequests(this.records).answered / seconds,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
    };
  }

  private setupClient(client: autocannon.Client): void {
    // The client's target: autocannon keeps it in the client's options (not in its types).
    const { hostname, port } = (client as unknown as { opts: { hostname: string; port: number | string } }).opts;
    const target = `http://${hostname}:${port}`;
    const tracker = new ConnectionTracker(
      target,
      (record) => this.records.push(record),
      () => this.now(),
    );
    const session = this.options.sessions[this.trackers.length % this.options.sessions.length];
    this.trackers.push(tracker);
    const { cookie } = session;
    const list: autocannon.Request = {
      method: 'GET',
      path: POSTS_PATH,
      headers: { cookie },
      setupRequest: (request) => {
        tracker.sending('list');
        return request;
      },
      onResponse: (status, _body, _context, headers) => tracker.answered(status, headers ?? {}),
    };
    const post: autocannon.Request = {
      setupRequest: (request) => {
        // While draining, the post's turn becomes another read, so no new write starts.
        if (!this.posting) {
          tracker.sending('list');
          return { ...request, method: 'GET', path: POSTS_PATH, headers: { cookie }, body: '' };
        }
        const n = ++this.posts;
        const title = `${this.options.titlePrefix}${n}`;
        tracker.sending('post', title);
        const body = demoPostBody(title, n, session);
        return { ...request, method: 'POST', path: POSTS_PATH, headers: { cookie, 'content-type': FORM_CONTENT_TYPE }, body };
      },
      onResponse: (status, _body, _context, headers) => tracker.answered(status, headers ?? {}),
    };
    // Per client, so the callbacks know their tracker; autocannon calls setupClient before the first request.
    client.setRequests([list, post]);
    // Events autocannon emits on the client but leaves out of its types.
    const events: NodeJS.EventEmitter = client;
    events.on('connError', (error: unknown) => tracker.connectionError(errorCode(error)));
    events.on('timeout', () => tracker.timedOut());
  }
}

function errorCode(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
