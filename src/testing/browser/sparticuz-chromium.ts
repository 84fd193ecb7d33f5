import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// The package's executablePath() inflates into os.tmpdir() and returns early
// as soon as <tmpdir>/chromium exists, even while another process is still
// writing it: a second Jest worker then gets "spawn ETXTBSY" or a truncated
// binary. So it runs in a child whose TMPDIR is a private staging folder
// (changing TMPDIR in this process would move every other tmpdir() user too),
// and the finished folder is renamed into place, which is atomic.
const EXTRACT_SCRIPT =
  'require(process.argv[1]).executablePath().then((p) => process.stdout.write(p), (e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); })';

/**
 * Extracts the Chromium shipped in @sparticuz/chromium (entry file
 * `packageEntry`) once per package version into
 * <tmpdir>/sparticuz-chromium-<version>/ and returns the executable's path.
 * Safe when several processes call it at once on a cold cache.
 */
export async function extractSparticuzChromium(packageEntry: string): Promise<{ executablePath: string; version: string }> {
  const version = packageVersion(packageEntry);
  const cacheDir = join(tmpdir(), `sparticuz-chromium-${version}`);
  const executablePath = await extractOnce(cacheDir, async (stagingDir) => {
    await execFileAsync(process.execPath, ['-e', EXTRACT_SCRIPT, packageEntry], { env: { ...process.env, TMPDIR: stagingDir } });
  });
  return { executablePath, version };
}

/**
 * Returns <cacheDir>/chromium, first running `extract` into a fresh staging
 * folder and renaming it to `cacheDir` when the cache is cold. The cache
 * folder only ever appears complete; if another process renamed its copy in
 * first, that copy is used and this one is discarded.
 */
export async function extractOnce(cacheDir: string, extract: (stagingDir: string) => Promise<void>): Promise<string> {
  const executable = join(cacheDir, 'chromium');
  if (existsSync(executable)) return executable;
  const stagingDir = await mkdtemp(`${cacheDir}.partial-`);
  try {
    await extract(stagingDir);
    if (!existsSync(join(stagingDir, 'chromium')))
      throw new Error(`extracting Chromium into ${stagingDir} produced no chromium executable`);
    await rename(stagingDir, cacheDir).catch((error: unknown) => {
      // Another process won the race: its folder is complete, keep it.
      if (!hasCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
    });
  } finally {
    // A failed or losing extraction must not leave 200 MB behind in tmp.
    await rm(stagingDir, { recursive: true, force: true });
  }
  if (!existsSync(executable)) throw new Error(`${cacheDir} exists but holds no chromium executable; delete it and retry`);
  return executable;
}

// The package's exports map hides package.json, so find it from the entry file.
function packageVersion(packageEntry: string): string {
  for (let dir = dirname(packageEntry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isRecord(manifest) && manifest.name === '@sparticuz/chromium' && typeof manifest.version === 'string') return manifest.version;
  }
  throw new Error(`no package.json of @sparticuz/chromium above ${packageEntry}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasCode(error: unknown, ...codes: string[]): boolean {
  return isRecord(error) && typeof error.code === 'string' && codes.includes(error.code);
}
