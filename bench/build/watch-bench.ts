// Watch mode: edit one component schema (add a field) and time until the
// regenerated Prisma Client declares it. Runs in a temporary copy of the
// project: `prisma generate` writes into node_modules/.prisma, so the copy
// gets its own node_modules/.prisma and cache, and hard links to the rest.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WatchResult {
  /** Edit saved -> the client's index.d.ts names the new field; undefined when it timed out. */
  regeneratedMs?: number;
  firstBuildMs?: number;
  note?: string;
}

const SCHEMA = join('src', 'components', 'demo', 'prisma', 'schema.prisma');
const CLIENT_TYPES = join('node_modules', '.prisma', 'client', 'index.d.ts');
const PROBE = 'benchWatchProbe';

function copyProject(projectRoot: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'build-bench-watch-'));
  for (const name of [
    'src',
    'build',
    'bench',
    'prisma',
    'docs',
    'package.json',
    'package-lock.json',
    'webpack.config.js',
    'tsconfig.json',
    'tsconfig.build.json',
    'prisma.config.ts',
  ]) {
    if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(copy, name), { recursive: true });
  }
  // Hard links (cheap) for the packages; real copies of what the build writes.
  execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(copy, 'node_modules')]);
  rmSync(join(copy, 'node_modules', '.prisma'), { recursive: true, force: true });
  rmSync(join(copy, 'node_modules', '.cache'), { recursive: true, force: true });
  cpSync(join(projectRoot, 'node_modules', '.prisma'), join(copy, 'node_modules', '.prisma'), { recursive: true });
  return copy;
}

/** Whether `file` holds `text`; false while `prisma generate` has the file removed and not yet rewritten. */
function fileIncludes(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (check()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

export async function benchWatch(projectRoot: string, log: (line: string) => void): Promise<WatchResult> {
  log('copying the project for the watch bench …');
  const copy = copyProject(projectRoot);
  const child = spawn(process.execPath, ['--import', 'tsx', join(copy, 'bench', 'build', 'watch-child.ts')], {
    cwd: copy,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const firstBuildMs = await waitFor(() => output.includes('ready'), 240_000);
    if (firstBuildMs === undefined) return { note: `the first watch build did not finish in 240 s: ${output.slice(-500)}` };
    const schemaFile = join(copy, SCHEMA);
    const original = readFileSync(schemaFile, 'utf8');
    const edited = original.replace(/(model DemoPost \{\n)/, `$1  ${PROBE} String?\n`);
    if (edited === original) return { firstBuildMs, note: `${SCHEMA} has no "model DemoPost {" line to add a field to` };
    // webpack's watcher ignores changes in the first moments after a build.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    writeFileSync(schemaFile, edited);
    const regeneratedMs = await waitFor(() => fileIncludes(join(copy, CLIENT_TYPES), PROBE), 120_000);
    writeFileSync(schemaFile, original);
    return regeneratedMs === undefined
      ? { firstBuildMs, note: `the client did not gain the field within 120 s: ${output.slice(-500)}` }
      : { firstBuildMs, regeneratedMs };
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    rmSync(copy, { recursive: true, force: true });
  }
}
