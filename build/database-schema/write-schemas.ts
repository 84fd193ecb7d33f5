// The one place that writes prisma/schema/. Files whose content is unchanged
// are left alone, so their timestamps do not wake watchers.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfChanged } from '../output/write-if-changed';

export function writeSchemas(schemaDir: string, files: ReadonlyMap<string, string>): { written: string[]; removed: string[] } {
  mkdirSync(schemaDir, { recursive: true });
  const written = [...files].filter(([name, content]) => writeIfChanged(join(schemaDir, name), content)).map(([name]) => name);
  return { written, removed: removeStaleCopies(schemaDir, new Set(files.keys())) };
}

/**
 * Deletes every copy not named in `kept` (that of a deleted component, or of
 * one whose schema was removed), leaving the others as they are.
 * @returns the names of the deleted copies
 */
export function removeStaleCopies(schemaDir: string, kept: ReadonlySet<string>): string[] {
  if (!existsSync(schemaDir)) return [];
  const removed = readdirSync(schemaDir).filter((name) => name.endsWith('.prisma') && !kept.has(name));
  for (const name of removed) rmSync(join(schemaDir, name));
  return removed;
}
