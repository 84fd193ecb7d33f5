import type { ScenarioName } from './load-options';

/** One expectation of a scenario and whether the run met it. */
export interface Check {
  label: string;
  ok: boolean;
  /** What was measured, in words and figures. */
  detail: string;
}

/** The figures of one scenario's traffic, as printed and written to docs/performance.md. */
export interface ScenarioFigures {
  connections: number;
  /** Seconds of traffic, measured. */
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by status, formatted. */
  statuses: string;
  /** Requests without an answer, by reason, formatted. */
  unanswered: string;
  posts: { acknowledged: number; stored: number; unknown: { sent: number; stored: number } };
}

export interface ScenarioResult {
  name: ScenarioName;
  outcome: 'passed' | 'failed' | 'skipped';
  figures?: ScenarioFigures;
  checks: Check[];
  /** Observations that are not pass/fail: the 503 window, shutdown time, pool use. */
  notes: string[];
}

export function check(label: string, ok: boolean, detail: string): Check {
  return { label, ok, detail };
}

/** Passed when every check passed; a scenario without checks did not run far enough to pass. */
export function resultOf(name: ScenarioName, checks: Check[], notes: string[], figures?: ScenarioFigures): ScenarioResult {
  const ok = checks.length > 0 && checks.every((item) => item.ok);
  return { name, outcome: ok ? 'passed' : 'failed', checks, notes, ...(figures ? { figures } : {}) };
}

/** `240 ms` below a second, `6.1 s` from there on. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
