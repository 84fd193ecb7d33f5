import { spawn } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Killed (with its process group) after this long; the result says so. */
  timeoutMs: number;
  /** Called with the child's pid, which is also its process group id. */
  onStart?: (pid: number) => void;
}

/** Process groups still running; killed if the bench exits early (watchdog, Ctrl-C), since they lead their own groups. */
const live = new Set<number>();
process.on('exit', () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Runs a command to completion and measures its wall time. Never throws for a
 * non-zero exit: the caller decides what a failure means for the benchmark.
 * The child leads its own process group so a timeout also ends what it
 * started (jest workers, the psql of a pipeline).
 */
export function runChild(command: string, args: string[], options: ChildOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid) {
      live.add(child.pid);
      options.onStart?.(child.pid);
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL'); // the group: jest workers, every stage of a pipeline
    }, options.timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (child.pid) live.delete(child.pid);
      resolve({ code, stdout, stderr, ms: performance.now() - started, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}
