// The architecture as rules: layers point one way, components reach the
// platform only through its one surface (src/surface) and each other only
// through index.ts, runtime code never loads test tooling. `npm run lint` runs
// these; every violation prints the import and the rule's comment, which says
// how to fix it. docs/architecture.md draws the same picture.
//
//   platform  <-  database, security, ssr  <-  server, health                 <-  app.module  <-  main
//                                          <-  surface  <-  components (each on its own)  <-  app.module
//
// (`src/testing/` and spec files sit outside the layers and may import anything, except that
// platform tests stay away from src/components/: see the last rule.)

/** Test code: spec files, a component's test/ folder, and src/testing/. */
const TEST_CODE = '(\\.spec\\.tsx?$|/test/|^src/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-nothing-above',
      severity: 'error',
      comment:
        'src/platform holds contracts, errors and environment, the base every layer builds on; it may import only src/platform. Move the shared piece down into src/platform, or move this file up into the layer it belongs to.',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'middle-layers-import-only-platform',
      severity: 'error',
      comment:
        'src/database, src/security and src/ssr sit side by side above src/platform: they import src/platform (ssr the generated component registry, the database runtime the generated model map), never each other or anything above. Put what both sides need into src/platform (a contract, an error), or compose the two in src/server.',
      from: { path: '^src/(database|security|ssr)/', pathNot: TEST_CODE },
      to: {
        path: '^src/',
        pathNot: [
          '^src/platform/',
          '^src/$1/',
          '^src/generated/component-registry\\.ts$',
          '^src/generated/component-models\\.ts$',
          '^src/generated/kysely/database\\.ts$',
        ],
      },
    },
    {
      name: 'database-registry-is-ssr-only',
      severity: 'error',
      comment:
        "Only src/ssr and src/surface (which offers it to components) read the generated component registry; the data and security layers know nothing about components, except the type map of which models and tables each component owns (src/generated/component-models.ts) and the fast path's table types (src/generated/kysely/database.ts), which the database runtime turns into scoped clients.",
      from: { path: '^src/(database|security)/' },
      to: { path: '^src/generated/', pathNot: ['^src/generated/component-models\\.ts$', '^src/generated/kysely/database\\.ts$'] },
    },
    {
      name: 'database-runtime-knows-no-provisioning',
      severity: 'error',
      comment:
        'src/database/runtime only connects (DatabaseModule, PrismaService, settings); starting PostgreSQL and migrating live in embedded/, migration/ and provisioning/, which main.ts and the CLI use.',
      from: { path: '^src/database/runtime/' },
      to: { path: '^src/database/(embedded|migration|provisioning)/' },
    },
    {
      name: 'database-embedded-below-migration',
      severity: 'error',
      comment:
        'src/database/embedded starts and stops a cluster and knows nothing of migrations; migration/ may use embedded/, and provisioning/ combines both. Move the combined step into src/database/provisioning.',
      from: { path: '^src/database/embedded/' },
      to: { path: '^src/database/(migration|provisioning|runtime)/' },
    },
    {
      name: 'database-migration-below-provisioning',
      severity: 'error',
      comment: 'src/database/provisioning uses migration/, not the other way round.',
      from: { path: '^src/database/migration/' },
      to: { path: '^src/database/provisioning/' },
    },
    {
      name: 'server-and-health-import-lower-layers-only',
      severity: 'error',
      comment:
        'src/server and src/health build on platform, the database runtime, security and ssr; they never import components, each other, app.module, main, or how the database is started and migrated (main.ts does that). Components plug in through AppModule; pass what a server piece needs as a parameter.',
      from: { path: '^src/(server|health)/', pathNot: TEST_CODE },
      to: { path: '^src/', pathNot: ['^src/(platform|security|ssr)/', '^src/database/runtime/', '^src/$1/'] },
    },
    {
      name: 'surface-imports-lower-layers-only',
      severity: 'error',
      comment:
        'src/surface is the platform surface for components: it re-exports what src/platform, the database runtime, src/security, src/ssr and the generated component registry offer a component, and imports nothing above them (no server, health, app wiring, component, or database provisioning). Put the piece in the layer it belongs to and re-export it here.',
      from: { path: '^src/surface/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/surface/',
          '^src/platform/',
          '^src/database/runtime/',
          '^src/security/',
          '^src/ssr/',
          '^src/generated/component-registry\\.ts$',
        ],
      },
    },
    {
      name: 'no-cross-component-imports',
      severity: 'error',
      comment:
        "A component never imports another component's files, only its public surface, src/components/<id>/index.ts (e.g. accounts' @RequireUser()), and then declares dependsOn: ['<id>'] in its component.meta.ts. A provider offered to other components is in its module's `exports` and re-exported by its index.ts; the platform imports the modules of a component's dependsOn into its module, so the dependent injects the class it imported from index.ts. For a reaction to another component's change prefer its event to a call; shared platform needs belong in src/platform, offered through src/surface.",
      from: { path: '^src/components/([^/]+)/' },
      to: { path: '^src/components/', pathNot: ['^src/components/$1/', '^src/components/[^/]+/index\\.ts$'] },
    },
    {
      name: 'components-use-the-platform-surface',
      severity: 'error',
      comment:
        "A component's runtime code reaches the platform only through its one surface, src/surface (import from '../../surface'; a seed, which must stay light, from a role file such as '../../../surface/data'), never a deep path into src/platform, src/database, src/security, src/ssr, src/generated, src/server or src/health. If the surface lacks what you need, re-export it in src/surface/<role>.ts. A component.meta.ts imports only defineComponent from it.",
      from: { path: '^src/components/', pathNot: TEST_CODE },
      to: {
        path: '^src/',
        pathNot: ['^src/components/', '^src/surface/'],
      },
    },
    {
      name: 'components-never-import-the-job-queue',
      severity: 'error',
      comment:
        "A component never imports the job queue library (graphile-worker, or pg-boss, which is only benchmarked): the platform wraps it behind its surface, so the engine can change without touching components. Publish and listen with EventPublisher and @OnEvent, enqueue with JobQueue and @HandlesJob, run schedules with @OnSchedule (all from '../../surface'), and test with the event scenario helper of src/testing/events. See docs/guides/events-and-jobs.md.",
      from: { path: '^src/components/' },
      to: { path: 'node_modules/(graphile-worker|pg-boss)/' },
    },
    {
      name: 'component-meta-imports-define-component-only',
      severity: 'error',
      comment:
        "A component.meta.ts is evaluated at build time in a sandbox that offers only defineComponent: import { defineComponent } from '../../surface', and nothing else (not a role file of the surface, not your own files).",
      from: { path: '^src/components/[^/]+/component\\.meta\\.ts$' },
      to: { path: '^src/', pathNot: '^src/surface/index\\.ts$' },
    },
    {
      name: 'runtime-never-imports-test-helpers',
      severity: 'error',
      comment:
        'src/testing and test files are for tests only; runtime code is configured through its settings (environment variables), never by importing test helpers.',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'runtime-never-loads-test-tooling',
      severity: 'error',
      comment: 'Runtime code must not know the test runner or the browser driver; move this into src/testing or a spec file.',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: 'node_modules/(jest|@jest|ts-jest|@nestjs/testing|playwright|playwright-core|@playwright|@sparticuz|supertest)/' },
    },
    {
      name: 'runtime-never-imports-build',
      severity: 'error',
      comment: 'build/ runs at build time only; what runtime and build share lives in src/platform or src/database/process.',
      from: { path: '^src/' },
      to: { path: '^build/' },
    },
    {
      name: 'build-imports-platform-and-database-tooling-only',
      severity: 'error',
      comment:
        'build/ may use src/platform (contracts, errors) and the database tooling in src/database (process runners, provisioning for npm run dev, the settings and seed runner for npx prisma db seed); never pages, modules or components.',
      from: { path: '^build/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/platform/',
          '^src/database/(process|provisioning|embedded|migration|seeding)/',
          '^src/database/runtime/(database-config|component-seed)\\.ts$',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two files import each other (directly or through others); split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-tests-use-the-fixture-component',
      severity: 'error',
      comment:
        'Platform tests (test code outside src/components/ and build/component-scaffold/) must pass whichever components exist, the demo deleted included: serve pages and forms from the fixture component instead (startFixtureServer() in src/testing/fixture-component/, a table of the test\'s own from createWorkerSchemaFixture), or move the test into the component\'s test/ folder if it is about that component. See docs/testing.md, "Platform tests".',
      from: { path: TEST_CODE, pathNot: ['^src/components/', '^build/component-scaffold/'] },
      to: { path: '^src/components/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    reporterOptions: { err: {} },
  },
};
