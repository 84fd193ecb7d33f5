/**
 * `npm run bench`: every benchmark part in one unattended run (about 14
 * minutes on 2 cores). Each part is its own npm script, run in a process
 * group of its own, and writes its section of docs/performance.md with the
 * date and machine; a part that fails or runs over its time is stopped, the
 * others still run, and the exit code is 1. `npm run bench -- pages build`
 * runs only those parts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BenchPart, PartOutcome, selectParts, summaryLines } from './all/bench-parts';

const projectRoot = join(__dirname, '..');
let current: { pid: number } | undefined;

function runPart(part: BenchPart): Promise<PartOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', part.script, ...(part.args.length > 0 ? ['--', ...part.args] : [])], {
      cwd: projectRoot,
      stdio: 'inherit',
      detached: true,
    });
    current = { pid: child.pid! };
    let timedOut = false;
    // SIGINT first, so the part stops its servers and clusters itself; SIGKILL if it does not.
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child.pid!, 'SIGINT');
      setTimeout(() => stopGroup(child.pid!, 'SIGKILL'), 20_000).unref();
    }, part.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ part, ms: performance.now() - started, exitCode: code, timedOut });
    });
  });
}

function stopGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function main(): Promise<number> {
  const parts = selectParts(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (current) stopGroup(current.pid, 'SIGINT');
      console.error(`\nbench: ${signal}; stopping the part in progress (its section of docs/performance.md is left as it was)`);
      setTimeout(() => process.exit(130), 20_000).unref();
    });
  }
  const outcomes: PartOutcome[] = [];
  for (const part of parts) {
    console.log(`\n=== bench ${part.name}: ${part.what} (npm run ${part.script}${part.args.length ? ` -- ${part.args.join(' ')}` : ''})\n`);
    outcomes.push(await runPart(part));
  }
  console.log(`\n=== bench summary\n\n${summaryLines(outcomes).join('\n')}\n`);
  console.log('Tables: docs/performance.md (each part rewrites its own section).');
  return outcomes.every((outcome) => outcome.exitCode === 0 && !outcome.timedOut) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  },
);
