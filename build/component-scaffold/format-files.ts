// Formats generated files with the target project's own Prettier settings, so
// they pass `prettier --check` whatever the length of the id.
import { join } from 'node:path';
import * as prettier from 'prettier';

const FORMATTED = /\.(ts|tsx)$/;

export async function formatFiles(files: ReadonlyMap<string, string>, folder: string): Promise<Map<string, string>> {
  const formatted = new Map<string, string>();
  for (const [path, content] of files) {
    if (!FORMATTED.test(path)) {
      formatted.set(path, content);
      continue;
    }
    const filepath = join(folder, path);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    formatted.set(path, await prettier.format(content, { ...options, filepath }));
  }
  return formatted;
}
