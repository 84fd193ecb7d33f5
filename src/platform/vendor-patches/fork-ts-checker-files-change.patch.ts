import type { FilesChange } from 'fork-ts-checker-webpack-plugin/lib/files-change';
import { assertVendorPatch, hookPointMissing } from './vendor-patch-check';

export type { FilesChange };

/**
 * Taps fork-ts-checker-webpack-plugin's `start` hook, whose argument type
 * (`FilesChange`) lives in the package's `lib/` and is not exported from its
 * root; the plugin's declarations were written against an older tapable,
 * whose second type parameter the installed one reads as the return type
 * (manifest entry "fork-ts-checker-files-change").
 */
export function tapFilesChange(hooks: { start: unknown }, name: string, fn: (change: FilesChange) => FilesChange): void {
  const PATCH = 'fork-ts-checker-files-change';
  assertVendorPatch(PATCH);
  const start = hooks.start as { tap?: (name: string, fn: (change: FilesChange) => FilesChange) => void } | undefined;
  if (typeof start?.tap !== 'function') throw hookPointMissing(PATCH, "the plugin's compiler hooks have no `start` hook to tap");
  start.tap(name, fn);
}
