// The one place the scaffolder writes: every file into a staging folder under
// .data/ (gitignored, on the project's file system), formatted there, then
// one rename into src/components/<id>. A failure on the way leaves nothing in
// src/components.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export async function writeComponent(
  projectRoot: string,
  target: string,
  files: ReadonlyMap<string, string>,
  format: (folder: string) => Promise<void>,
): Promise<void> {
  const stagingRoot = join(projectRoot, '.data', 'component-new');
  mkdirSync(stagingRoot, { recursive: true });
  const staging = mkdtempSync(join(stagingRoot, 'staging-'));
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), content);
    }
    await format(staging);
    // Checked again at the last moment: on Linux a rename replaces an empty folder without a word.
    if (existsSync(target)) throw new Error(`${target} appeared while the files were being written`);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
