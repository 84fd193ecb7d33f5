import autocannon from 'autocannon';
import { countCards } from './card-count';
import { PeakRssSampler } from './process-memory';

export interface MeasureOptions {
  /** The page's full URL. */
  url: string;
  /** The server's process, whose memory is sampled. */
  pid: number;
  connections: number;
  durationS: number;
  /** Post cards every answer must hold. */
  expectedCards: number;
  /** The `Cookie` header of every request (a signed-in reader's); none by default. */
  cookie?: string;
  /** Text every answer must also hold, e.g. the signed-in reader's form field. */
  mustContain?: string;
}

/** One server, one page size, one round. */
export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  answers: number;
  /** Answers without the expected number of cards (every error page among them), plus socket errors and timeouts. */
  failures: number;
  /** What the failures were, for the message; empty when there were none. */
  failureDetail: string;
  /** Bytes per answer (the page's weight, headers included). */
  bytesPerAnswer: number;
}

/**
 * autocannon's programmatic API against one URL: `connections` keep-alive
 * connections, one request outstanding on each, for `durationS`. Every
 * answer's body is checked (autocannon's `verifyBody`; a mismatch counts),
 * so a server answering errors or empty pages cannot look fast. The
 * server's resident memory is sampled every 100 ms meanwhile.
 */
export async function measureServer(options: MeasureOptions): Promise<Measurement> {
  const sampler = new PeakRssSampler(options.pid);
  let wrongBodies = 0;
  let peakRssMiB: number;
  let result: autocannon.Result;
  try {
    result = await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.durationS,
      timeout: 10,
      headers: options.cookie ? { cookie: options.cookie } : undefined,
      verifyBody: (body) => {
        const text = String(body ?? '');
        const ok = countCards(text) === options.expectedCards && (options.mustContain === undefined || text.includes(options.mustContain));
        if (!ok) wrongBodies++;
        return ok;
      },
    });
  } finally {
    peakRssMiB = await sampler.stop();
  }
  const answers = result.requests.total;
  // A page that is not 200 holds no cards, so it is among the wrong bodies too; autocannon's errors include its timeouts.
  const failures = wrongBodies + result.errors;
  const failed = {
    [`answers without ${options.expectedCards} cards${options.mustContain ? ` or without ${options.mustContain}` : ''}`]: wrongBodies,
    'of them not 200': result.non2xx,
    'socket errors and timeouts': result.errors,
  };
  return {
    requestsPerSecond: answers / (result.duration || options.durationS),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    peakRssMiB,
    answers,
    failures,
    failureDetail: Object.entries(failed)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n} ${what}`)
      .join(', '),
    bytesPerAnswer: answers > 0 ? result.throughput.total / answers : 0,
  };
}
