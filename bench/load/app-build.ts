import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from '../test-setup/child-process';

const BUILD_TIMEOUT_MS = 10 * 60_000;

/** The newest modification time under `path` (a file or a folder, recursively). */
function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/**
 * Runs `npm run build` when `dist/main.js` is missing or older than anything
 * it is built from, so the load always measures the code in the work tree.
 */
export async function ensureAppBuilt(projectRoot: string, log: (line: string) => void): Promise<void> {
  const bundle = join(projectRoot, 'dist', 'main.js');
  const inputs = ['src', 'package-lock.json', 'webpack.config.js', 'tsconfig.json', 'tsconfig.build.json'].map((name) =>
    join(projectRoot, name),
  );
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const changed = Math.max(...inputs.filter((path) => existsSync(path)).map(newestChange));
  if (built > changed) return;
  log(built === 0 ? 'building the app (dist/main.js is missing) …' : 'building the app (sources changed since dist/main.js) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await runChild(npm, ['run', 'build', '--silent'], { cwd: projectRoot, timeoutMs: BUILD_TIMEOUT_MS });
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`npm run build ${result.timedOut ? 'timed out' : `exited with code ${result.code}`}; fix the build first:\n${output}`);
  }
}
