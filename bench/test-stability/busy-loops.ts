import { ChildProcess, spawn } from 'node:child_process';

// Spins, and every few hundred milliseconds of spinning checks that the
// process that started it is still there: a loop never outlives its run, even
// when that run is killed with SIGKILL and no handler of its own runs.
const BUSY_LOOP = `const parent = process.ppid;
for (;;) {
  for (let i = 0; i < 2e8; i++);
  try { process.kill(parent, 0); } catch { process.exit(0); }
}`;

/**
 * `count` processes that spin on the CPU until stopped: a shared CI machine
 * in miniature. `stop()` kills them; so do this process's exit and its
 * SIGINT, SIGTERM and SIGHUP (after which it exits), and they stop by
 * themselves once it is gone.
 */
export function startBusyLoops(count: number): { stop(): void } {
  const loops: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));
  const stop = () => {
    for (const loop of loops) loop.kill('SIGKILL');
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { stop };
}
