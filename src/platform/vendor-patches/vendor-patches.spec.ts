import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { VendorPatchError } from '../errors/vendor-patch.error';
import { assertSchemaEngineHookPoint, engineGlueUnderAnotherName } from './prisma-schema-engine-wasm.patch';
import { assertRunScriptWorker } from './run-script-worker.patch';
import { assertVendorPatch, checkVendorPatches, installedVersion } from './vendor-patch-check';
import { VENDOR_PATCHES } from './vendor-patches.manifest';

const PROJECT = join(__dirname, '..', '..', '..');
const FOLDER = 'src/platform/vendor-patches';

/** A node_modules tree holding only `packages` (name → package.json fields, extra files). */
function fakeRoot(packages: Record<string, { version: string; files?: Record<string, string> }>): string {
  const root = mkdtempSync(join(tmpdir(), 'vendor-patches-'));
  for (const [name, { version, files = {} }] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
  }
  return root;
}

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('the vendor patches manifest', () => {
  it('matches every installed package a patch was written for', () => {
    expect(() => checkVendorPatches()).not.toThrow();
  });

  it('has one entry per patch file in src/platform/vendor-patches, and a file per entry', () => {
    const files = readdirSync(join(PROJECT, FOLDER))
      .filter((name) => name.endsWith('.patch.ts'))
      .map((name) => name.replace(/\.patch\.ts$/, ''))
      .sort();
    expect(files).toEqual(VENDOR_PATCHES.map((patch) => patch.id).sort());
  });

  it('names an upstream link or says why there is none, and tests that exist, for every patch', () => {
    for (const patch of VENDOR_PATCHES) {
      expect(`${patch.id}: ${patch.upstream}`).toMatch(/^[\w-]+: (https:\/\/github\.com\/|no upstream issue found)/);
      for (const test of patch.verifiedBy)
        expect(`${patch.id}: ${test} ${existsSync(join(PROJECT, test))}`).toBe(`${patch.id}: ${test} true`);
      for (const version of Object.values(patch.versions)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('the vendor patch check', () => {
  it('fails when an installed package reports another version, naming the patch, the package, both versions and the fix', () => {
    const root = fakeRoot({ '@prisma/client': { version: '6.20.0' }, '@prisma/adapter-pg': { version: '6.19.3' } });
    roots.push(root);

    const error = thrown(() => checkVendorPatches('runtime', { root }));

    expect(error).toBeInstanceOf(VendorPatchError);
    expect(error.message).toContain(
      'vendor patch "prisma-query-plan-cache" (src/platform/vendor-patches/prisma-query-plan-cache.patch.ts) was written for @prisma/client 6.19.3, but 6.20.0 is installed',
    );
    expect(error.message).toContain('vendor patch "prisma-adapter-failed-transaction-end"');
    expect(error.message).toContain('re-verify the patch against @prisma/client 6.20.0');
    expect(error.message).toContain("then set @prisma/client to '6.20.0' in src/platform/vendor-patches/vendor-patches.manifest.ts");
  });

  it('checks only the patch asked for, and passes when its versions match', () => {
    const root = fakeRoot({ 'webpack-cli': { version: '6.0.1' }, '@prisma/client': { version: '7.0.0' } });
    roots.push(root);

    expect(() => assertVendorPatch('webpack-cli-bootstrap', { root })).not.toThrow();
    expect(() => assertVendorPatch('prisma-query-plan-cache', { root })).toThrow('but 7.0.0 is installed');
  });

  it('says when a patched package is not installed at all', () => {
    const root = fakeRoot({});
    roots.push(root);

    expect(() => assertVendorPatch('run-script-worker', { root })).toThrow(
      'vendor patch "run-script-worker" (src/platform/vendor-patches/run-script-worker.patch.ts) was written for run-script-webpack-plugin 0.2.3, but run-script-webpack-plugin is not installed',
    );
  });

  it('reads the version Node would load: the nearest node_modules upwards', () => {
    expect(installedVersion('prisma', { root: join(PROJECT, 'src', 'platform') })).toBe(
      (JSON.parse(readFileSync(join(PROJECT, 'node_modules', 'prisma', 'package.json'), 'utf8')) as { version: string }).version,
    );
  });
});

describe('hook points', () => {
  it("finds the schema engine's glue module in the installed Prisma CLI", () => {
    expect(() => assertSchemaEngineHookPoint()).not.toThrow();
  });

  it('throws, never silently does nothing, when the CLI no longer names the glue module', () => {
    const root = fakeRoot({
      prisma: { version: '6.19.3', files: { 'build/index.js': 'instantiate({"./schema_engine_v2_bg.js": glue})' } },
    });
    roots.push(root);

    expect(() => assertSchemaEngineHookPoint({ root })).toThrow(
      /vendor patch "prisma-schema-engine-wasm" .* cannot find its hook point: .*build\/index\.js no longer imports the schema engine's glue module "\.\/schema_engine_bg\.js"; installed: prisma 6\.19\.3 \(manifest: 6\.19\.3\)/,
    );
  });

  it('recognises the engine class under a renamed glue module, so the instance hook can refuse it', () => {
    class SchemaEngine {}
    expect(engineGlueUnderAnotherName({ './schema_engine_v2_bg.js': { SchemaEngine }, wbg: {} })).toBe('./schema_engine_v2_bg.js');
    expect(engineGlueUnderAnotherName({ './schema_engine_bg.js': { SchemaEngine } })).toBeUndefined();
    expect(engineGlueUnderAnotherName({ './query_compiler_bg.js': { QueryCompiler: class {} } })).toBeUndefined();
  });

  it("finds run-script-webpack-plugin's private worker field, and throws when it is gone", () => {
    expect(() => assertRunScriptWorker()).not.toThrow();
    const root = fakeRoot({ 'run-script-webpack-plugin': { version: '0.2.3', files: { 'dist/index.js': 'this.process = child;' } } });
    roots.push(root);
    expect(() => assertRunScriptWorker({ root })).toThrow(
      /cannot find its hook point: .*dist\/index\.js no longer keeps the server process in this\.worker/,
    );
  });
});

describe('third-party internals outside src/platform/vendor-patches', () => {
  // What reaching into a package looks like here: deep imports into a
  // package's build output, private fields, prototypes and globals of the
  // patched packages, Node's module loader, Prisma's private variables.
  const REACHES = [
    /from ['"](?:@[\w-]+\/)?[\w-]+\/(?:dist|lib|build)\//,
    /(?:require|import)\(['"](?:@[\w-]+\/)?[\w-]+\/(?:dist|lib)\//,
    /@nestjs\/(?:core|common)\/(?:errors|injector|router)\//,
    /_engineConfig|__wbg_ptr|QueryCompiler\.prototype|SchemaEngine\.prototype|WebAssembly\.Instance\s*=|Module\._load|PRISMA_QUERY_ENGINE_LIBRARY\s*\|\|=|\.worker\b.*RunScript|as unknown as \{ worker/,
  ];

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sources(path);
      return /\.(ts|tsx|js|cjs)$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) && !path.includes('/test/') ? [path] : [];
    });
  }

  it('finds none: every patch lives in the one folder, with its manifest entry', () => {
    const files = [
      ...sources(join(PROJECT, 'src')),
      ...sources(join(PROJECT, 'build')),
      ...['prisma.config.ts', 'prisma.deploy.config.ts', 'webpack.config.js'].map((file) => join(PROJECT, file)),
    ].filter((file) => !relative(PROJECT, file).startsWith(FOLDER));
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          REACHES.some((reach) => reach.test(line)) ? [`${relative(PROJECT, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
