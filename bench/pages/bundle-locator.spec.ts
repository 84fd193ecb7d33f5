import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleLocator } from './bundle-locator';

describe('bundleLocator', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bundle-locator-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'main.js'), 'a();\nb();\n');
    // Line 2 of main.js comes from line 2 of ../src/page.tsx, relative to main.js's folder (dist/).
    const map = { version: 3, file: 'main.js', sources: ['../src/page.tsx'], names: [], mappings: 'AAAA;AACA' };
    writeFileSync(join(root, 'dist', 'main.js.map'), JSON.stringify(map));
    writeFileSync(join(root, 'plain.js'), 'c();\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('places a bundled function in its source, relative to the project', () => {
    const locate = bundleLocator(root);
    expect(locate(pathToFileURL(join(root, 'dist', 'main.js')).href, 1, 0)).toEqual({ file: join('src', 'page.tsx'), line: 2 });
  });

  it('keeps a file without a map, and Node’s own modules, as they are', () => {
    const locate = bundleLocator(root);
    expect(locate(pathToFileURL(join(root, 'plain.js')).href, 0, 0)).toEqual({ file: 'plain.js', line: 1 });
    expect(locate('node:net', 926, 3)).toEqual({ file: 'node:net', line: 927 });
  });
});
