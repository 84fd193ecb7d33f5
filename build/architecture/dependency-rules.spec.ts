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
  'src/testing/start-test-server.ts':
    "import { PrismaService } from '../database/runtime/prisma.service';\nexport const start = () => PrismaService;\n",
  'src/components/notes/test/notes.spec.ts': "import { start } from '../../../testing/start-test-server';\nexport const test = start;\n",
  // A component's public surface, index.ts, is the one file another component may import.
  'src/components/notes/index.ts': "export { used } from './component.service';\n",
  'src/components/reviews/component.service.ts': "import { used } from '../notes';\nexport const reviewed = used;\n",
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

/** One deliberate violation of each kind, each in a file of its own. */
const VIOLATIONS: Files = {
  'src/platform/errors/error-page.ts': "import { renderPage } from '../../ssr/render-page';\nexport const page = renderPage;\n",
  'src/components/blog/component.service.ts': "import { used } from '../notes/component.service';\nexport const borrowed = used;\n",
  'src/database/runtime/schema.ts':
    "import { start } from '../../testing/start-test-server';\nimport { Test } from '@nestjs/testing';\nexport const wrong = [start, Test];\n",
  'src/security/csrf.guard.ts':
    "import { PrismaService } from '../database/runtime/prisma.service';\nexport const guard = PrismaService;\n",
  'src/server/configure-app.ts': "import { used } from '../components/notes/component.service';\nexport const app = used;\n",
  'src/health/health.controller.ts':
    "import { provision } from '../database/provisioning/provision-embedded-database';\nexport const health = provision;\n",
  'src/ssr/navigation.ts': "import { ComponentsModule } from '../generated/components.module';\nexport const nav = ComponentsModule;\n",
  // Resolved to the component's index.ts, as the allowed reviews → notes import is.
  'src/health/probe.ts': "import { used } from '../components/notes';\nexport const probe = used;\n",
  'src/components/notes/component.module.ts':
    "import { provision } from '../../database/provisioning/provision-embedded-database';\nexport const wiring = provision;\n",
  'src/database/runtime/database.module.ts':
    "import { provision } from '../provisioning/provision-embedded-database';\nexport const db = provision;\n",
  'src/platform/component-id.ts': "import { plugin } from '../../build/component-discovery-plugin';\nexport const id = plugin;\n",
  'src/ssr/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'src/ssr/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  'src/database/provisioning/provision-embedded-database.ts': 'export const provision = 1;\n',
  'src/generated/components.module.ts': 'export class ComponentsModule {}\n',
  'build/component-discovery-plugin.ts': 'export const plugin = 1;\n',
  // A platform test that uses a component instead of the fixture component; and a test helper that does.
  'src/server/test/notes-page.spec.ts': "import { used } from '../../components/notes/component.service';\nexport const page = used;\n",
  'src/testing/notes-seed.ts': "import { used } from '../components/notes';\nexport const seed = used;\n",
};

describe('the architecture rules (npm run lint)', () => {
  it("accept a component that uses the platform, the database runtime and ssr, another component's index.ts, and tests that use src/testing", () => {
    const { status, output } = cruise({});

    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  describe('on a tree with one deliberate violation of each kind', () => {
    let result: { status: number | null; output: string };

    beforeAll(() => {
      result = cruise(VIOLATIONS);
    });

    it('fail', () => {
      expect(result.status).not.toBe(0);
    });

    it.each([
      ['platform-imports-nothing-above', 'src/platform/errors/error-page.ts', 'src/ssr/render-page.tsx'],
      ['no-cross-component-imports', 'src/components/blog/component.service.ts', 'src/components/notes/component.service.ts'],
      ['runtime-never-imports-test-helpers', 'src/database/runtime/schema.ts', 'src/testing/start-test-server.ts'],
      ['middle-layers-import-only-platform', 'src/security/csrf.guard.ts', 'src/database/runtime/prisma.service.ts'],
      ['server-and-health-import-lower-layers-only', 'src/server/configure-app.ts', 'src/components/notes/component.service.ts'],
      [
        'server-and-health-import-lower-layers-only',
        'src/health/health.controller.ts',
        'src/database/provisioning/provision-embedded-database.ts',
      ],
      ['middle-layers-import-only-platform', 'src/ssr/navigation.ts', 'src/generated/components.module.ts'],
      ['server-and-health-import-lower-layers-only', 'src/health/probe.ts', 'src/components/notes/index.ts'],
      [
        'components-use-the-platform-surface',
        'src/components/notes/component.module.ts',
        'src/database/provisioning/provision-embedded-database.ts',
      ],
      [
        'database-runtime-knows-no-provisioning',
        'src/database/runtime/database.module.ts',
        'src/database/provisioning/provision-embedded-database.ts',
      ],
      ['runtime-never-imports-build', 'src/platform/component-id.ts', 'build/component-discovery-plugin.ts'],
      ['platform-tests-use-the-fixture-component', 'src/server/test/notes-page.spec.ts', 'src/components/notes/component.service.ts'],
      ['platform-tests-use-the-fixture-component', 'src/testing/notes-seed.ts', 'src/components/notes/index.ts'],
    ])('report %s: %s → %s', (rule, from, to) => {
      expect(result.output).toContain(`error ${rule}: ${from} → ${to}`);
    });

    it('report runtime code that loads the test runner', () => {
      expect(result.output).toMatch(
        /error runtime-never-loads-test-tooling: src\/database\/runtime\/schema\.ts → \S*node_modules\/@nestjs\/testing\//,
      );
    });

    it('report two files that import each other', () => {
      expect(result.output).toMatch(/error no-circular: src\/ssr\/(a|b)\.ts → /);
    });

    it('say how to fix each violation', () => {
      expect(result.output).toContain('Move the shared piece down into src/platform');
      expect(result.output).toContain(
        'serve pages and forms from the fixture component instead (startFixtureServer() in src/testing/fixture-component/',
      );
      expect(result.output).toContain(
        "only its public surface, src/components/<id>/index.ts (e.g. accounts' @RequireUser()), and then declares dependsOn",
      );
    });
  });
});
