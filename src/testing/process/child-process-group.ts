import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** SIGKILL to a child started `detached` and everything it started: its process group. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The last `lines` of a log file, for error messages; `(no log)` when there is none yet. */
export function logFileTail(file: string, lines: number, clean: (text: string) => string = (text) => text): string {
  try {
    return clean(readFileSync(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
