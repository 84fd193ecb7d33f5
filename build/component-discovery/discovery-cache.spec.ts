import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectComponents } from './collect-components';
import { DiscoveryCache } from './discovery-cache';

const HELPER_IMPORT = "import { defineComponent } from '../../surface';";
const metaSource = (meta: string) => `${HELPER_IMPORT}\n\nexport default defineComponent(${meta});\n`;
const validMeta = (id: string, title = `${id} pages`) =>
  metaSource(`{ id: '${id}', title: '${title}', routes: [{ path: '/${id}', isPrimary: true }] }`);

/** A throw-away project whose discovery cache file is `cacheFile`; each `discover()` uses a new cache object, as a new process would. */
function makeProject() {
  const root = mkdtempSync(join(tmpdir(), 'discovery-cache-spec-'));
  const componentsDir = join(root, 'src', 'components');
  const cacheFile = join(root, 'cache', 'component-discovery.json');
  const write = (id: string, meta: string) => {
    mkdirSync(join(componentsDir, id), { recursive: true });
    writeFileSync(join(componentsDir, id, 'component.meta.ts'), meta);
    const name = `${id.charAt(0).toUpperCase()}${id.slice(1)}Module`;
    writeFileSync(
      join(componentsDir, id, 'component.module.ts'),
      `import { Module } from '@nestjs/common';\n\n@Module({})\nexport class ${name} {}\n`,
    );
  };
  const discover = () => {
    const cache = new DiscoveryCache(cacheFile);
    const collected = collectComponents({ projectRoot: root, componentsDir, cache });
    return { ...collected, misses: cache.misses, registry: collected.files.get('component-registry.ts') };
  };
  return { root, cacheFile, write, discover };
}

describe('DiscoveryCache', () => {
  let project: ReturnType<typeof makeProject>;

  beforeEach(() => {
    project = makeProject();
    project.write('blog', validMeta('blog'));
    project.write('shop', validMeta('shop'));
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('evaluates and parses nothing on a later run when no component file changed, and generates the same files', () => {
    const first = project.discover();
    const second = project.discover();

    expect(first.misses).toEqual({ meta: 2, module: 2 });
    expect(second.misses).toEqual({ meta: 0, module: 0 });
    expect(second.errors).toEqual([]);
    expect(second.files).toEqual(first.files);
  });

  it('evaluates a meta file again after its content changed', () => {
    project.discover();
    project.write('blog', validMeta('blog', 'Renamed blog'));

    const run = project.discover();

    expect(run.misses).toEqual({ meta: 1, module: 0 });
    expect(run.registry).toContain('"title": "Renamed blog"');
  });

  describe('never lets a damaged or foreign cache change the registry', () => {
    let expected: string | undefined;

    beforeEach(() => {
      expected = project.discover().registry;
    });

    const damages: Array<[string, (text: string) => string]> = [
      ['a file that is not JSON', () => 'not a cache'],
      ['a truncated file', (text) => text.slice(0, Math.floor(text.length / 2))],
      ['an entry edited without its checksum', (text) => text.replace('"title":"blog pages"', '"title":"forged"')],
      ['a file written by other discovery code', (text) => text.replace(/"version":"[0-9a-f]+"/, '"version":"0000"')],
      // The format number is part of the version key now (json-cache-file.ts): a file without that key's header is foreign.
      ['a file whose header is not the cache header', (text) => text.replace(/^\{"version":"[0-9a-f]+",/, '{"format":1,')],
    ];

    it.each(damages)('ignores %s and reads every component file again', (_, damage) => {
      const stored = readFileSync(project.cacheFile, 'utf8');
      const damaged = damage(stored);
      expect(damaged).not.toBe(stored);
      writeFileSync(project.cacheFile, damaged);

      const run = project.discover();

      expect(run.misses).toEqual({ meta: 2, module: 2 });
      expect(run.registry).toBe(expected);
      expect(run.registry).not.toContain('forged');
    });
  });

  it('names each file of a broken meta shared by two components with that file’s own path', () => {
    const broken = `${HELPER_IMPORT}\n\nexport default defineComponent({\n  id: 'x'\n  title: 'X',\n});\n`;
    project.write('blog', broken);
    project.write('shop', broken);
    project.discover();

    const { errors } = project.discover();

    expect(errors.filter((error) => error.includes('fix the syntax'))).toEqual([
      expect.stringMatching(/^src\/components\/blog\/component\.meta\.ts:5: /),
      expect.stringMatching(/^src\/components\/shop\/component\.meta\.ts:5: /),
    ]);
  });

  it('keeps what one meta file does to the shared sandbox from reaching the next one', () => {
    project.write(
      'alpha',
      `${HELPER_IMPORT}\nglobalThis.leaked = 'from alpha';\nexport default defineComponent({ id: 'alpha', title: 'Alpha', routes: [] });\n`,
    );
    project.write(
      'beta',
      `${HELPER_IMPORT}\nArray.prototype.leaked = 'from beta';\nexport default defineComponent({ id: 'beta', title: 'Beta', routes: [] });\n`,
    );
    project.write(
      'gamma',
      `${HELPER_IMPORT}\nexport default defineComponent({ id: 'gamma', title: typeof leaked + ' ' + typeof [].leaked, routes: [] });\n`,
    );

    const { errors } = project.discover();

    expect(errors).toEqual([expect.stringMatching(/^src\/components\/beta\/component\.meta\.ts: Cannot add property leaked/)]);
    const gamma = new DiscoveryCache(undefined).meta(
      readFileSync(join(project.root, 'src/components/gamma/component.meta.ts'), 'utf8'),
      'gamma',
    );
    expect(gamma.meta).toMatchObject({ title: 'undefined undefined' });
  });

  it('evaluates metadata that JSON cannot carry (an undefined field) on every run instead of caching a changed value', () => {
    project.write(
      'blog',
      metaSource("{ id: 'blog', title: 'Blog', description: undefined, routes: [{ path: '/blog', isPrimary: true }] }"),
    );
    project.discover();

    const run = project.discover();

    expect(run.misses.meta).toBe(1);
    expect(run.errors).toEqual([]);
  });
});
