import { positiveIntegerSetting } from '../../../surface';

export interface SessionPolicy {
  /** A session not used for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  absoluteMs: number;
}

/** `last seen` (and with it the idle expiry) moves at most this often, so a busy session is not a write per request. */
export const LAST_SEEN_INTERVAL_MS = 60_000;

const MINUTE = 60_000;

/** From ACCOUNTS_SESSION_IDLE_MINUTES (default 7 days) and ACCOUNTS_SESSION_MAX_MINUTES (default 30 days); docs/operations.md. */
export function readSessionPolicy(env: NodeJS.ProcessEnv): SessionPolicy {
  const idleMinutes = positiveIntegerSetting(env, 'ACCOUNTS_SESSION_IDLE_MINUTES', 7 * 24 * 60);
  const maxMinutes = positiveIntegerSetting(env, 'ACCOUNTS_SESSION_MAX_MINUTES', 30 * 24 * 60);
  return { idleMs: Math.min(idleMinutes, maxMinutes) * MINUTE, absoluteMs: maxMinutes * MINUTE };
}
