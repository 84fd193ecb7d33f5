// Whether dist/ is already the build of the files as they are now, so
// `npm run build` (and `npm start`, which runs it) can skip webpack: a stamp
// of every input's and output's content, written after a successful build.
// Content, not timestamps: a checkout or copy that touches files without
// changing them still counts as unchanged, and an edit is never missed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JsonCacheFile } from '../../src/platform/cache-files/json-cache-file';

/** What the production bundle is built from, relative to the project. Folders are read whole. */
export const BUILD_INPUTS = [
  'src',
  'build',
  'package.json',
  'package-lock.json',
  'webpack.config.js',
  'tsconfig.json',
  'tsconfig.build.json',
  // Where `prisma generate` put the client dist/main.js loads, and what from; `npm ci` deletes it.
  'node_modules/.prisma/client/component-schemas.sha256',
];

/** Inside an input folder, but written by the build: counted as outputs. */
const GENERATED = ['src/generated'];

/** What a build writes; a stamp holds only if they are still as it left them. */
export const BUILD_OUTPUTS = ['dist', 'src/generated', 'prisma/schema'];

export interface BuildState {
  /** The webpack-cli arguments and the Node version: another mode is another build. */
  command: string;
  inputs: string;
  outputs: string;
}

const STAMP = join('node_modules', '.cache', 'component-platform', 'build-stamp.json');

function isBuildState(value: unknown): value is BuildState {
  const stamp = value as Partial<BuildState> | null;
  return typeof stamp?.command === 'string' && typeof stamp.inputs === 'string' && typeof stamp.outputs === 'string';
}

/** Missing or damaged reads as no stamp: build. */
function stampFile(projectRoot: string): JsonCacheFile<BuildState> {
  return new JsonCacheFile(join(projectRoot, STAMP), 'build-stamp-1', isBuildState);
}

/** Every file under `paths` (files or folders), sorted, as project-relative paths. */
function filesUnder(projectRoot: string, paths: readonly string[], skip: readonly string[] = []): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const shown = relative(projectRoot, path);
    if (skip.includes(shown)) return;
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') found.push(shown);
      return; // ENOENT: a missing input or output hashes as absent
    }
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (!skip.includes(relative(projectRoot, child))) found.push(relative(projectRoot, child));
    }
  };
  for (const path of paths) visit(join(projectRoot, path));
  return found.sort();
}

/** SHA-256 over the names and contents of the files under `paths`; the listed-but-missing ones count too. */
function hashFiles(projectRoot: string, paths: readonly string[], skip: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(`${path}\0${existsSync(join(projectRoot, path)) ? 'present' : 'absent'}\0`);
  for (const file of filesUnder(projectRoot, paths, skip)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(projectRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function currentInputs(projectRoot: string, args: readonly string[]): Omit<BuildState, 'outputs'> {
  return { command: `${process.version} ${args.join(' ')}`, inputs: hashFiles(projectRoot, BUILD_INPUTS, GENERATED) };
}

export function currentOutputs(projectRoot: string): string {
  return hashFiles(projectRoot, BUILD_OUTPUTS);
}

/** True only when a stamp exists and the command, every input and every output match it. */
export function isUpToDate(projectRoot: string, args: readonly string[]): boolean {
  const stamp = stampFile(projectRoot).read();
  if (!stamp) return false;
  const now = currentInputs(projectRoot, args);
  return stamp.command === now.command && stamp.inputs === now.inputs && stamp.outputs === currentOutputs(projectRoot);
}

/** Before a build: the old stamp goes, so a build that fails or is interrupted leaves none. */
export function forgetBuild(projectRoot: string): void {
  stampFile(projectRoot).remove();
}

/**
 * After a successful build. `inputs` were hashed before it started: a file
 * edited during the build makes the stamp disagree, so the next build runs.
 */
export function recordBuild(projectRoot: string, inputs: Omit<BuildState, 'outputs'>): void {
  stampFile(projectRoot).write({ ...inputs, outputs: currentOutputs(projectRoot) });
}
