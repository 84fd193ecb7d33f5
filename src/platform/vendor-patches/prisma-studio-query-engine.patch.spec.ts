import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giveStudioTheWasmQueryEngine, postgresQueryEngineWasm } from './prisma-studio-query-engine.patch';
import { VENDOR_PATCHES } from './vendor-patches.manifest';

const PATCHED_FOR = VENDOR_PATCHES.find((patch) => patch.id === 'prisma-studio-query-engine')!.versions.prisma;

describe("the fix that runs Prisma Studio's client on the WebAssembly query engine", () => {
  it('loads the PostgreSQL query engine the installed prisma package ships', async () => {
    const engine = postgresQueryEngineWasm();

    const runtime = (await engine.getRuntime()) as { QueryEngine?: unknown; __wbg_set_wasm?: unknown };
    const module = await engine.getQueryEngineWasmModule();
    expect(Object.prototype.toString.call(module)).toBe('[object WebAssembly.Module]');
    expect(typeof runtime.QueryEngine).toBe('function');
    expect(typeof runtime.__wbg_set_wasm).toBe('function');
  });

  it('refuses another Prisma version than the one it was read from, naming the patch, both versions and what to do', () => {
    const root = mkdtempSync(join(tmpdir(), 'prisma-7-'));
    mkdirSync(join(root, 'node_modules', 'prisma'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'prisma', 'package.json'), JSON.stringify({ name: 'prisma', version: '7.0.0' }));
    try {
      expect(() => giveStudioTheWasmQueryEngine({ root })).toThrow(
        `vendor patch "prisma-studio-query-engine" (src/platform/vendor-patches/prisma-studio-query-engine.patch.ts) was written for prisma ${PATCHED_FOR}, but 7.0.0 is installed`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('throws when the runtime module Studio loads is gone, instead of leaving Studio on the native engine', () => {
    const root = mkdtempSync(join(tmpdir(), 'prisma-renamed-'));
    mkdirSync(join(root, 'node_modules', 'prisma', 'build'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'prisma', 'package.json'), JSON.stringify({ name: 'prisma', version: PATCHED_FOR }));
    try {
      expect(() => giveStudioTheWasmQueryEngine({ root })).toThrow(
        /vendor patch "prisma-studio-query-engine" .* cannot find its hook point: .*prisma-client\/runtime\/library\.js does not exist/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
