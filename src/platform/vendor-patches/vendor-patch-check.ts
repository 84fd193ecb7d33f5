import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { VendorPatchError } from '../errors/vendor-patch.error';
import { VENDOR_PATCHES, VendorPatch, VendorPatchContext, VendorPatchId } from './vendor-patches.manifest';

const MANIFEST = 'src/platform/vendor-patches/vendor-patches.manifest.ts';

export interface VendorPatchCheckOptions {
  /**
   * The folder whose node_modules (or a parent's, as Node resolves) holds the
   * patched packages. Default: the working directory, then the main script's
   * folder (dist/ of a deployed tree started from elsewhere).
   */
  root?: string;
}

/**
 * The package's folder as Node would find it from `from`, or undefined. Its
 * real path, as Node's resolver gives it (a linked node_modules, as in the
 * test fixtures): patches compare it with the paths the package requires.
 */
function findPackageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where the installed `name` lives: its folder, found from `options.root` (or the defaults above). */
export function installedPackageDir(name: string, options: VendorPatchCheckOptions = {}): string | undefined {
  // The main script's folder from argv, not require.main: in the webpack bundle that is webpack's module record.
  const main = process.argv[1];
  const starts = options.root ? [options.root] : [process.cwd(), ...(typeof main === 'string' && main !== '' ? [dirname(main)] : [])];
  for (const start of starts) {
    const dir = findPackageDir(name, start);
    if (dir) return dir;
  }
  return undefined;
}

/** The installed version of `name`, or undefined when it is not installed. */
export function installedVersion(name: string, options: VendorPatchCheckOptions = {}): string | undefined {
  const dir = installedPackageDir(name, options);
  if (!dir) return undefined;
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
}

function patchFile(id: string): string {
  return `src/platform/vendor-patches/${id}.patch.ts`;
}

function entry(id: VendorPatchId): VendorPatch {
  const patch = VENDOR_PATCHES.find((candidate) => candidate.id === id);
  if (!patch) throw new Error(`no vendor patch "${id}" in ${MANIFEST}`);
  return patch;
}

/** Every version mismatch of one patch, as one line each. */
function mismatches(patch: VendorPatch, options: VendorPatchCheckOptions): string[] {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(patch.versions)) {
    const installed = installedVersion(name, options);
    if (installed === expected) continue;
    const where = installedPackageDir(name, options);
    problems.push(
      installed === undefined
        ? `vendor patch "${patch.id}" (${patchFile(patch.id)}) was written for ${name} ${expected}, but ${name} is not installed; run npm ci, or remove the patch and its entry in ${MANIFEST}`
        : `vendor patch "${patch.id}" (${patchFile(patch.id)}) was written for ${name} ${expected}, but ${installed} is installed (${relative(process.cwd(), join(where!, 'package.json'))}); re-verify the patch against ${name} ${installed} (its manifest entry says what it changes and why; rerun ${patch.verifiedBy.join(', ')}), then set ${name} to '${installed}' in ${MANIFEST}, or delete the patch if ${installed} fixes the defect (docs/architecture.md, "Vendor patches")`,
    );
  }
  return problems;
}

/** Throws VendorPatchError when a package the patch `id` touches is not at its manifest version. */
export function assertVendorPatch(id: VendorPatchId, options: VendorPatchCheckOptions = {}): void {
  const problems = mismatches(entry(id), options);
  if (problems.length > 0) throw new VendorPatchError(id, problems.join('\n'));
}

/** Throws VendorPatchError naming every patch of `context` (all patches without one) whose packages moved. */
export function checkVendorPatches(context?: VendorPatchContext, options: VendorPatchCheckOptions = {}): void {
  const patches: readonly VendorPatch[] = VENDOR_PATCHES.filter((patch) => !context || patch.context === context);
  const failing = patches.map((patch) => ({ id: patch.id, problems: mismatches(patch, options) })).filter((f) => f.problems.length > 0);
  if (failing.length > 0) throw new VendorPatchError(failing[0].id, failing.flatMap((f) => f.problems).join('\n'));
}

/**
 * The error for a hook point the patch `id` did not find (a renamed module,
 * a missing method): a patch never silently does nothing.
 */
export function hookPointMissing(id: VendorPatchId, what: string, options: VendorPatchCheckOptions = {}): VendorPatchError {
  const versions = Object.entries(entry(id).versions)
    .map(([name, expected]) => `${name} ${installedVersion(name, options) ?? 'not installed'} (manifest: ${expected})`)
    .join(', ');
  return new VendorPatchError(
    id,
    `vendor patch "${id}" (${patchFile(id)}) cannot find its hook point: ${what}; installed: ${versions}. Re-read the package at that place, adapt the patch and its manifest entry in ${MANIFEST} (docs/architecture.md, "Vendor patches")`,
  );
}
