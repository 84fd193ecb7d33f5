import { ChildProcess, spawn } from 'node:child_process';

/**
 * `count` processes that spin on the CPU until stopped: a shared CI machine
 * in miniature. Each is killed by `stop()`, and also when this process exits.
 */
export function startBusyLoops(count: number): { stop(): void } {
  const loops: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const stop = () => {
    for (const loop of loops) loop.kill('SIGKILL');
  };
  process.once('exit', stop);
  return { stop };
}
