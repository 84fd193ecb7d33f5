import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The architecture rules (.dependency-cruiser.cjs) run by `npm run lint`, applied
// to small throw-away trees shaped like this project: each deliberate violation
// must fail with the rule's name, the import and the fix.
const repoRoot = resolve(__dirname, '..', '..');

type Files = Record<string, string>;

/** A clean tree: a component using the platform surface, which re-exports ssr, the database runtime and platform below it. */
const ALLOWED: Files = {
  'src/platform/errors/configuration.error.ts': 'export class ConfigurationError extends Error {}\n',
  'src/platform/component-meta.ts': 'export const defineComponent = (meta: object) => meta;\n',
  'src/ssr/render-page.tsx':
    "import { ConfigurationError } from '../platform/errors/configuration.error';\nexport const renderPage = () => new ConfigurationError();\n",
  'src/database/runtime/prisma.service.ts': 'export class PrismaService {}\n',
  'src/surface/index.ts':
    "export { PrismaService } from '../database/runtime/prisma.service';\nexport { renderPage } from '../ssr/render-page';\n",
  'src/components/notes/component.service.ts':
    "import { PrismaService, renderPage } from '../../surface';\nexport const used = [PrismaService, renderPage];\n",
  // The build's sandbox offers a meta file defineComponent from the surface, and nothing else.
  'src/components/notes/component.meta.ts':
    "import { defineComponent } from '../../surface';\nexport default defineComponent({ id: 'notes' });\n",
  // Test code may reach into the layers it tests.
  'src/components/notes/component.service.spec.ts':
    "import { renderPage } from '../../ssr/render-page';\nexport const rendered = renderPage;\n",
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
  // A deep path into a layer the surface re-exports is still not the surface.
  'src/components/notes/ui/NotesPage.tsx': "import { renderPage } from '../../../ssr/render-page';\nexport const page = renderPage;\n",
  'src/components/notes/component.controller.ts':
    "import { PrismaService } from '../../database/runtime/prisma.service';\nexport const controller = PrismaService;\n",
  // A role file of the surface is not what the meta sandbox offers, nor is the old platform path.
  'src/components/blog/component.meta.ts': "import { renderPage } from '../../surface/pages';\nexport default renderPage;\n",
  'src/components/wiki/component.meta.ts':
    "import { defineComponent } from '../../platform/component-meta';\nexport default defineComponent({ id: 'wiki' });\n",
  'src/surface/pages.ts': "export { renderPage } from '../ssr/render-page';\n",
  'src/surface/server.ts': "import { app } from '../server/configure-app';\nexport const exposed = app;\n",
  'src/ssr/uses-surface.ts': "import { used } from '../surface';\nexport const back = used;\n",
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
  // The job queue library behind the platform's events and jobs, in runtime and in test code of a component.
  'src/components/notes/notes-digest.job.ts': "import { run } from 'graphile-worker';\nexport const job = run;\n",
  'src/components/notes/test/notes-queue.spec.ts': "import PgBoss from 'pg-boss';\nexport const boss = PgBoss;\n",
};

describe('the architecture rules (npm run lint)', () => {
  it("accept a component that uses the platform surface, another component's index.ts, a meta with defineComponent, and tests that use src/testing or reach into a layer", () => {
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
      ['components-use-the-platform-surface', 'src/components/notes/ui/NotesPage.tsx', 'src/ssr/render-page.tsx'],
      ['components-use-the-platform-surface', 'src/components/notes/component.controller.ts', 'src/database/runtime/prisma.service.ts'],
      ['component-meta-imports-define-component-only', 'src/components/blog/component.meta.ts', 'src/surface/pages.ts'],
      ['component-meta-imports-define-component-only', 'src/components/wiki/component.meta.ts', 'src/platform/component-meta.ts'],
      ['components-use-the-platform-surface', 'src/components/wiki/component.meta.ts', 'src/platform/component-meta.ts'],
      ['surface-imports-lower-layers-only', 'src/surface/server.ts', 'src/server/configure-app.ts'],
      ['middle-layers-import-only-platform', 'src/ssr/uses-surface.ts', 'src/surface/index.ts'],
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

    it.each([
      ['src/components/notes/notes-digest.job.ts', 'graphile-worker'],
      ['src/components/notes/test/notes-queue.spec.ts', 'pg-boss'],
    ])('report a component that imports the job queue library: %s → %s', (from, library) => {
      expect(result.output).toMatch(new RegExp(`error components-never-import-the-job-queue: ${from} → \\S*node_modules/${library}/`));
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
      expect(result.output).toContain("A component's runtime code reaches the platform only through its one surface, src/surface");
      expect(result.output).toContain('Publish and listen with EventPublisher and @OnEvent, enqueue with JobQueue and @HandlesJob');
      expect(result.output).toContain(
        "A provider offered to other components is in its module's `exports` and re-exported by its index.ts",
      );
    });
  });
});
