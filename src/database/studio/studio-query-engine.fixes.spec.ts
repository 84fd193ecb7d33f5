import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giveStudioTheWasmQueryEngine, PATCHED_FOR, postgresQueryEngineWasm } from './studio-query-engine.fixes';

describe("the fix that runs Prisma Studio's client on the WebAssembly query engine", () => {
  it('loads the PostgreSQL query engine the installed prisma package ships', async () => {
    const engine = postgresQueryEngineWasm();

    const runtime = (await engine.getRuntime()) as { QueryEngine?: unknown; __wbg_set_wasm?: unknown };
    const module = await engine.getQueryEngineWasmModule();
    expect(Object.prototype.toString.call(module)).toBe('[object WebAssembly.Module]');
    expect(typeof runtime.QueryEngine).toBe('function');
    expect(typeof runtime.__wbg_set_wasm).toBe('function');
  });

  it('refuses another Prisma version than the one it was read from, naming the file and what to check', () => {
    const otherPrisma = mkdtempSync(join(tmpdir(), 'prisma-7-'));
    writeFileSync(join(otherPrisma, 'package.json'), JSON.stringify({ name: 'prisma', version: '7.0.0' }));
    try {
      expect(() => giveStudioTheWasmQueryEngine(otherPrisma)).toThrow(
        `src/database/studio/studio-query-engine.fixes.ts was written for prisma ${PATCHED_FOR}, but 7.0.0 is installed; check whether \`prisma studio\` still needs it`,
      );
    } finally {
      rmSync(otherPrisma, { recursive: true, force: true });
    }
  });
});
