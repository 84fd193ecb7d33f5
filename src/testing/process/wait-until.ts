import { setTimeout as sleep } from 'node:timers/promises';

export type WaitCheck<T> = { done: true; value: T } | { done: false; seen: string };

export interface WaitOptions {
  /** A bound on a hang, never a measure of speed: generous (default 60 s). */
  timeoutMs?: number;
  /** Between checks; default 100 ms. */
  intervalMs?: number;
}

/**
 * Polls `check` until it returns `{ done: true, value }`, and returns the
 * value; fails after `timeoutMs` naming what was awaited and what the last
 * check saw. The observable-condition form of "wait for it": a test never
 * sleeps a fixed time and then asserts. A check that throws fails the wait at
 * once (a child that exited, say).
 */
export async function waitUntil<T>(
  awaited: string,
  check: () => WaitCheck<T> | Promise<WaitCheck<T>>,
  { timeoutMs = 60_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result.done) return result.value;
    if (performance.now() >= deadline) throw timedOut(awaited, timeoutMs, result.seen);
    await sleep(intervalMs);
  }
}

function timedOut(awaited: string, timeoutMs: number, seen: string): Error {
  return new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${awaited}; the last check saw ${seen}`);
}
