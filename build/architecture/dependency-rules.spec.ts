import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The architecture rules (.dependency-cruiser.cjs) run by `npm run lint`, applied
// to small throw-away trees shaped like this project: each deliberate violation
// must fail with the rule's name, the import and the fix.
const repoRoot = resolve(__dirname, '..', '..');

type Files = Record<string, string>;

/** A clean tree: a component using the platform surface, ssr and platform below it. */
const ALLOWED: Files = {
  'src/platform/errors/configuration.error.ts': 'export class ConfigurationError extends Error {}\n',
  'src/ssr/render-page.tsx':
    "import { ConfigurationError } from '../platform/errors/configuration.error';\nexport const renderPage = () => new ConfigurationError();\n",
  'src/database/runtime/prisma.service.ts': 'export class PrismaService {}\n',
  'src/components/notes/component.service.ts':
    "import { PrismaService } from '../../database/runtime/prisma.service';\nimport { renderPage } from '../../ssr/render-page';\nexport const used = [PrismaService, renderPage];\n",
  'src/testing/start-test-server.ts': "import { used } from '../components/notes/component.service';\nexport const start = () => used;\n",
  'src/components/notes/test/notes.spec.ts': "import { start } from '../../../testing/start-test-server';\nexport const test = start;\n",
};

function cruise(extra: Files): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  try {
    for (const [path, content] of Object.entries({ ...ALLOWED, ...extra })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node' } }),
    );
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    const cli = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const result = spawnSync(
      process.execPath,
      [cli, 'src', '--config', join(repoRoot, '.dependency-cruiser.cjs'), '--output-type', 'err-long'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    // The reporter wraps each rule's comment; one line per message makes it searchable.
    return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\n {4}(?=\S)/g, ' ') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the architecture rules (npm run lint)', () => {
  it('accept a component that uses the platform, the database runtime and ssr, and tests that use src/testing', () => {
    const { status, output } = cruise({});

    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('reject platform code that imports a layer above it, and say how to fix it', () => {
    const { status, output } = cruise({
      'src/platform/errors/error-page.ts': "import { renderPage } from '../../ssr/render-page';\nexport const page = renderPage;\n",
    });

    expect(status).not.toBe(0);
    expect(output).toContain('error platform-imports-nothing-above: src/platform/errors/error-page.ts → src/ssr/render-page.tsx');
    expect(output).toContain('Move the shared piece down into');
  });

  it("reject a component that imports another component's files", () => {
    const { status, output } = cruise({
      'src/components/blog/component.service.ts': "import { used } from '../notes/component.service';\nexport const borrowed = used;\n",
    });

    expect(status).not.toBe(0);
    expect(output).toContain(
      'error no-cross-component-imports: src/components/blog/component.service.ts → src/components/notes/component.service.ts',
    );
    expect(output).toContain('components meet only through what their Nest modules export');
  });

  it('reject runtime code that imports a test helper or the test runner', () => {
    const { status, output } = cruise({
      'src/database/runtime/schema.ts':
        "import { start } from '../../testing/start-test-server';\nimport { Test } from '@nestjs/testing';\nexport const wrong = [start, Test];\n",
    });

    expect(status).not.toBe(0);
    expect(output).toContain('error runtime-never-imports-test-helpers: src/database/runtime/schema.ts → src/testing/start-test-server.ts');
    expect(output).toMatch(
      /error runtime-never-loads-test-tooling: src\/database\/runtime\/schema\.ts → \S*node_modules\/@nestjs\/testing\//,
    );
  });

  it('reject a side-by-side import between the database, security and ssr layers', () => {
    const { status, output } = cruise({
      'src/security/csrf.guard.ts':
        "import { PrismaService } from '../database/runtime/prisma.service';\nexport const guard = PrismaService;\n",
    });

    expect(status).not.toBe(0);
    expect(output).toContain(
      'error middle-layers-import-only-platform: src/security/csrf.guard.ts → src/database/runtime/prisma.service.ts',
    );
  });
});
