import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IdleTimerProbe {
  /** The environment for the child process: the probe preloaded, reporting to a file of its own. */
  env: NodeJS.ProcessEnv;
  /** After the child exited: the delays of the long timers it waited for with nothing else to do (empty when it exited at once). */
  idleTimers(): number[];
}

/**
 * Asks a child Node process whether it waited for a long timer after its
 * work was done (see idle-timer-probe.preload.cjs), the deterministic form of "it
 * exits as soon as its work is done".
 */
export function idleTimerProbe(env: NodeJS.ProcessEnv): IdleTimerProbe {
  const dir = mkdtempSync(join(tmpdir(), 'idle-timer-probe-'));
  const report = join(dir, 'report.json');
  const preload = `--require ${JSON.stringify(join(__dirname, 'idle-timer-probe.preload.cjs'))}`;
  return {
    env: { ...env, IDLE_TIMER_PROBE_REPORT: report, NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(' ') },
    idleTimers() {
      try {
        return (JSON.parse(readFileSync(report, 'utf8')) as { ms: number }[]).map(({ ms }) => ms);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
