import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertVendorPatch, hookPointMissing, installedPackageDir, VendorPatchCheckOptions } from './vendor-patch-check';

const PATCH = 'run-script-worker';

/**
 * The server process run-script-webpack-plugin started, read from its private
 * `worker` field: the plugin offers no way to stop its process and wait for
 * it, which `npm run dev` needs before it stops the embedded database
 * (manifest entry "run-script-worker"). Call {@link assertRunScriptWorker}
 * when the plugin is created; this only reads the field.
 */
export function runScriptWorker(plugin: object): ChildProcess | undefined {
  return (plugin as { worker?: ChildProcess }).worker;
}

/**
 * Throws VendorPatchError unless the installed plugin is the manifest's
 * version and still keeps its child process in `this.worker`.
 */
export function assertRunScriptWorker(options: VendorPatchCheckOptions = {}): void {
  assertVendorPatch(PATCH, options);
  const source = join(installedPackageDir('run-script-webpack-plugin', options)!, 'dist', 'index.js');
  let text = '';
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    // reported below
  }
  if (!/this\.worker\s*=\s*child\b/.test(text))
    throw hookPointMissing(PATCH, `${source} no longer keeps the server process in this.worker`, options);
}
