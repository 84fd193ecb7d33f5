import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TimedStartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** Give up (and kill the process group) after this long without a 200. */
  timeoutMs: number;
  /** Output lines to time, by name: the first line matching each is noted. */
  marks?: Record<string, RegExp>;
  /** Told the process group's id once it runs, so a caller interrupted meanwhile can kill it. */
  onGroup?: (pgid: number) => void;
}

export interface TimedStart {
  /** Milliseconds from spawning the command to the first 200 on /health. */
  healthyMs: number;
  /** Milliseconds from spawning to the first output line matching each mark (absent when none did). */
  marks: Record<string, number>;
}

const POLL_MS = 25;
/** After SIGINT: the app's own shutdown is bounded by SHUTDOWN_TIMEOUT_MS (10 s) plus its grace. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs `command` as its own process group (as a terminal would), polls
 * `GET /health` on `port` until it answers 200, then sends SIGINT to the
 * whole group (Ctrl-C) and waits for it to end; SIGKILL to the group if it
 * does not within 30 s. Rejects, with the tail of the output, when no 200
 * comes within `timeoutMs` or the process ends first.
 */
export async function timeToHealthy(command: string, args: string[], options: TimedStartOptions): Promise<TimedStart> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onGroup?.(child.pid);
  const marks: Record<string, number> = {};
  const output: string[] = [];
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      for (const [name, pattern] of Object.entries(options.marks ?? {})) {
        if (marks[name] === undefined && pattern.test(line)) marks[name] = performance.now() - started;
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let ended = false;
  child.once('exit', () => (ended = true));
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
      return child.pid !== undefined;
    } catch {
      return false; // the group is gone
    }
  };

  try {
    const url = `http://127.0.0.1:${options.port}/health`;
    while (!ended) {
      if (performance.now() - started > options.timeoutMs) {
        throw new Error(
          `bench:startup: no 200 from ${url} within ${options.timeoutMs} ms in ${options.cwd}; the app's last output says why (fix it, then check that \`npm start\` answers /health in the project):\n${output.slice(-15).join('\n')}`,
        );
      }
      const status = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return { healthyMs: performance.now() - started, marks };
      await sleep(POLL_MS);
    }
    throw new Error(
      `bench:startup: \`${[command, ...args].join(' ')}\` ended before answering 200 on /health in ${options.cwd}; its last output says why (fix it, then check that \`npm start\` works in the project):\n${output.slice(-15).join('\n')}`,
    );
  } finally {
    // Wait for the whole group, not just npm: the app may still be stopping its database.
    signalGroup('SIGINT');
    const deadline = performance.now() + STOP_TIMEOUT_MS;
    while (signalGroup(0) && performance.now() < deadline) await sleep(POLL_MS);
    signalGroup('SIGKILL');
  }
}
