import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareCliProcess } from '../../database/migration/prisma-cli-setup';
import { VendorPatchError } from '../../platform/errors/vendor-patch.error';
import { VENDOR_PATCHES } from '../../platform/vendor-patches/vendor-patches.manifest';

// The check itself is tested in src/platform/vendor-patches/vendor-patches.spec.ts; these prove the entry points call it: the app's
// startup (src/main.ts) and both Prisma CLI configs (prisma-cli-setup.ts, which they share).

/** A folder whose node_modules holds one package.json: `name` at `version`. */
function fakeRoot(name: string, version: string): string {
  const root = mkdtempSync(join(tmpdir(), 'vendor-patch-entry-'));
  mkdirSync(join(root, 'node_modules', name), { recursive: true });
  writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('the Prisma CLI configs', () => {
  it('refuse to run a command when a package a CLI patch was written for reports another version, naming the patch and both versions', () => {
    // pg is patched only where a command connects (the adapter factory), never while the config loads:
    // only the check at the start of prepareCliProcess can see it.
    const root = fakeRoot('pg', '8.99.0');
    roots.push(root);
    const real = VENDOR_PATCHES.find((patch) => patch.id === 'pg-catalog-types-as-text')!.versions.pg;
    const databaseUrl = process.env.DATABASE_URL;

    let error: unknown;
    try {
      prepareCliProcess('postgresql://localhost/unused', { root });
    } catch (failure) {
      error = failure;
    }

    expect(error).toBeInstanceOf(VendorPatchError);
    expect((error as Error).message).toContain(
      `vendor patch "pg-catalog-types-as-text" (src/platform/vendor-patches/pg-catalog-types-as-text.patch.ts) was written for pg ${real}, but 8.99.0 is installed`,
    );
    // Refused before anything else: the process environment is untouched.
    expect(process.env.DATABASE_URL).toBe(databaseUrl);
  });
});

describe('the app startup (src/main.ts)', () => {
  it('stops with exit code 1 before anything starts when a package a runtime patch was written for reports another version, naming the patch and both versions', async () => {
    // Run from a folder whose node_modules says @prisma/client 6.20.0 (the check looks from the working directory
    // first, as a deployed tree is started); PORT is invalid, which startup would report next if it did not check.
    const root = fakeRoot('@prisma/client', '6.20.0');
    roots.push(root);
    const expected = VENDOR_PATCHES.find((patch) => patch.id === 'prisma-query-plan-cache')!.versions['@prisma/client'];
    const errors: unknown[] = [];
    jest.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(line));
    const exited = new Promise<number | undefined>((resolve) => {
      jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
        resolve(code);
        return undefined as never;
      }) as typeof process.exit);
    });
    const port = process.env.PORT;
    const cwd = process.cwd();
    process.env.PORT = 'not-a-port';
    process.chdir(root);
    try {
      // Loading main.ts runs main(), as `node dist/main.js` does.
      await jest.isolateModulesAsync(async () => void (await import('../../main')));
      const code = await exited;

      expect(code).toBe(1);
      expect(String(errors[0])).toContain(
        `error: vendor patch "prisma-query-plan-cache" (src/platform/vendor-patches/prisma-query-plan-cache.patch.ts) was written for @prisma/client ${expected}, but 6.20.0 is installed`,
      );
    } finally {
      process.chdir(cwd);
      if (port === undefined) delete process.env.PORT;
      else process.env.PORT = port;
      jest.restoreAllMocks();
    }
  });
});
