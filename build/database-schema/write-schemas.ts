// The one place that writes prisma/schema/. Files whose content is unchanged
// are left alone, so their timestamps do not wake watchers.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfChanged } from '../output/write-if-changed';

export function writeSchemas(schemaDir: string, files: ReadonlyMap<string, string>): { written: string[]; removed: string[] } {
  mkdirSync(schemaDir, { recursive: true });
  const written = [...files].filter(([name, content]) => writeIfChanged(join(schemaDir, name), content)).map(([name]) => name);
  const removed: string[] = [];
  for (const name of readdirSync(schemaDir)) {
    if (name.endsWith('.prisma') && !files.has(name)) {
      rmSync(join(schemaDir, name));
      removed.push(name);
    }
  }
  return { written, removed };
}
