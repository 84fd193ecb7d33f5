import { percentile } from '../sign-in-timing/sign-in-timing-report';

/** Latencies of one measurement: how many were sent and delivered, and the percentiles of those delivered. */
export interface LatencySummary {
  sent: number;
  delivered: number;
  /** Undefined when nothing was delivered. */
  p50Ms?: number;
  p99Ms?: number;
  maxMs?: number;
}

/** `latenciesMs` holds one value per delivered job; `sent` counts those that never arrived as well. */
export function summariseLatencies(latenciesMs: readonly number[], sent: number): LatencySummary {
  if (latenciesMs.length > sent) throw new Error(`${latenciesMs.length} latencies for ${sent} jobs sent`);
  if (latenciesMs.length === 0) return { sent, delivered: 0 };
  return {
    sent,
    delivered: latenciesMs.length,
    p50Ms: percentile(latenciesMs, 0.5),
    p99Ms: percentile(latenciesMs, 0.99),
    maxMs: Math.max(...latenciesMs),
  };
}

/** Events per second from a count and the milliseconds they took. */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) throw new Error(`cannot take a rate over ${ms} ms`);
  return (count * 1000) / ms;
}

/**
 * Deliveries per second between the first and the last delivery (so the
 * runner's start-up is not in it): n deliveries span n - 1 intervals.
 * Undefined with fewer than two deliveries.
 */
export function deliveryRate(startTimesMs: readonly number[]): number | undefined {
  if (startTimesMs.length < 2) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const time of startTimesMs) {
    if (time < first) first = time;
    if (time > last) last = time;
  }
  return last > first ? perSecond(startTimesMs.length - 1, last - first) : undefined;
}
