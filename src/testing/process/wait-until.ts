import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export type WaitCheck<T> = { done: true; value: T } | { done: false; seen: string };

/** waitUntil's bound when the caller gives none. */
export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;

export interface WaitOptions {
  /** A bound on a hang, never a measure of speed: generous (default DEFAULT_WAIT_TIMEOUT_MS, 60 s). */
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
  { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, intervalMs = 100 }: WaitOptions = {},
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

/**
 * `waitUntil` for a value read again and again: polls `read` until
 * `done(value)` holds and returns that value (for the test's assertions);
 * fails after `timeoutMs` naming what was awaited and quoting the last value read.
 */
export function waitForValue<T>(
  awaited: string,
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  options?: WaitOptions,
): Promise<T> {
  return waitUntil(
    awaited,
    async () => {
      const value = await read();
      return done(value) ? { done: true, value } : { done: false, seen: inspect(value, { depth: 5, breakLength: Infinity }) };
    },
    options,
  );
}
