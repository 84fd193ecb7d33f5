import { existsSync, readdirSync } from 'node:fs';

/** The folders under `componentsDir`, sorted by name: every component, valid or not. Both build steps scan with this. */
export function listComponentFolders(componentsDir: string): string[] {
  if (!existsSync(componentsDir)) return [];
  return readdirSync(componentsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
