/**
 * Every place this project reaches into a third-party package's internals,
 * one entry per patch, each patch in `src/platform/vendor-patches/<id>.patch.ts`.
 * `versions` are the exact installed versions the patch was read against and
 * tested with; vendor-patch-check.ts fails loudly (VendorPatchError) when an
 * installed version differs, at startup, in both Prisma CLI configs, in the
 * build and in vendor-patches.spec.ts. After an upgrade: re-read the package's
 * code at the hook point, rerun the tests named in `verifiedBy`, then update
 * the version here, or delete the patch if the upgrade fixed the defect
 * (docs/architecture.md, "Vendor patches").
 */

/** Where a patch is installed, and so where its versions are checked. */
export type VendorPatchContext = 'runtime' | 'cli' | 'build';

export interface VendorPatch {
  /** The file name without `.patch.ts`. */
  id: string;
  context: VendorPatchContext;
  /** Package name → the exact version the patch was written against. */
  versions: Readonly<Record<string, string>>;
  /** What the patch changes, and where it hooks in. */
  what: string;
  /** The defect or missing API it works around. */
  why: string;
  /** The upstream issue or pull request, or "no upstream issue found" and why the patch is still needed. */
  upstream: string;
  /** Tests that fail when the patch stops working. */
  verifiedBy: readonly string[];
}

const PRISMA = '6.19.3';

export const VENDOR_PATCHES = [
  {
    id: 'prisma-query-plan-cache',
    context: 'runtime',
    versions: { '@prisma/client': PRISMA },
    what: "reads the generated client's private `_engineConfig.compilerWasm` to reach the WebAssembly `QueryCompiler` class, and wraps `QueryCompiler.prototype.compile` with a per-compiler LRU cache of read plans",
    why: 'Prisma 6.19 compiles every query afresh; compiling was about 40 % of the Node CPU a list page spends in Prisma (docs/performance.md, "Pages")',
    upstream:
      'https://github.com/prisma/orm/pull/29038 (query plan caching, in Prisma 7; 6.x has no cache), see also https://github.com/prisma/orm/issues/28845',
    verifiedBy: ['src/database/runtime/test/query-plan-cache.spec.ts', 'src/database/runtime/query-plan-cache.spec.ts'],
  },
  {
    id: 'prisma-adapter-failed-transaction-end',
    context: 'runtime',
    versions: { '@prisma/adapter-pg': PRISMA, '@prisma/client': PRISMA },
    what: "wraps the adapter's `connect()` and each transaction's `commit`, `rollback` and `executeRaw` so a failed COMMIT or ROLLBACK still releases the transaction's connection, once",
    why: 'the engine hands the connection back only after COMMIT/ROLLBACK succeeded; every failed one leaked a pooled connection until the pool was empty and `$disconnect` hung',
    upstream:
      'no upstream issue found for the leak on a failed COMMIT/ROLLBACK (searched prisma/orm); the closest is https://github.com/prisma/orm/issues/29952 (double release when COMMIT times out), same code path',
    verifiedBy: ['src/server/test/database-failures.spec.ts'],
  },
  {
    id: 'prisma-schema-engine-wasm',
    context: 'cli',
    versions: { prisma: PRISMA },
    what: "replaces the global `WebAssembly.Instance` to catch the schema engine's glue module (`./schema_engine_bg.js`), tracks its `setTimeout` imports and patches `SchemaEngine.prototype` (`free` via `__wbg_ptr`, `evaluateDataLoss`, `createMigration`)",
    why: '`migrate dev` after pending migrations fails ("shadow DB must be provided through an external factory"), `--create-only` ends with "null pointer passed to rust", and every migrate command idles 10 s on timers the engine never clears',
    upstream:
      'no upstream issue found (searched prisma/orm and prisma/prisma-engines for the three messages); the WebAssembly schema engine is new in 6.x and Prisma 7 reworks the CLI, so they are unlikely to be fixed in 6.19',
    verifiedBy: [
      'src/platform/vendor-patches/prisma-schema-engine-wasm.patch.spec.ts',
      'src/database/provisioning/test/migrate-workflows.spec.ts',
      'src/database/migration/test/migrate-deploy-exit.spec.ts',
    ],
  },
  {
    id: 'nest-unknown-dependencies',
    context: 'runtime',
    versions: { '@nestjs/core': '11.1.9' },
    what: 'imports `UnknownDependenciesException` from `@nestjs/core/errors/exceptions/` (not exported from the package root) and reads its `type` and `context`',
    why: "so a component that injects a provider of a component it does not declare in `dependsOn` fails with a message naming both components and the fix, instead of Nest's generic one",
    upstream: 'no upstream issue found; the class is public in the errors Nest throws, only not re-exported from the package root',
    verifiedBy: ['src/server/components/test/component-composition.spec.ts'],
  },
  {
    id: 'graphile-worker-migration-list',
    context: 'runtime',
    versions: { 'graphile-worker': '0.17.3' },
    what: "imports graphile-worker's generated migration list (`dist/generated/sql`) and `dist/version`, neither exported from the package root, to know the queue schema migration the installed version needs",
    why: 'the app checks the queue schema at startup (a role with DML only cannot let graphile-worker migrate it), and `npm run jobs` refuses a schema at another migration; graphile-worker offers no public way to ask which migration it needs',
    upstream: 'no upstream issue found; graphile-worker migrates on start and assumes its role may run DDL',
    verifiedBy: ['src/server/test/events-and-jobs/queue-schema-check.spec.ts', 'src/platform/jobs/cli/test/jobs-cli.spec.ts'],
  },
  {
    id: 'prisma-adapter-url-advice',
    context: 'cli',
    versions: { prisma: PRISMA },
    what: '`process.stdout.write` drops the one exact text of the CLI\'s "remove the datasource url" warning; everything else passes through',
    why: 'the advice cannot be followed: 6.19 rejects a postgresql datasource without `url` (P1012) and offline then tries to download an engine',
    upstream: 'https://github.com/prisma/orm/pull/26971 (added the warning; 6.19 still requires the url it warns about)',
    verifiedBy: ['src/platform/vendor-patches/prisma-adapter-url-advice.patch.spec.ts'],
  },
  {
    id: 'pg-catalog-types-as-text',
    context: 'cli',
    versions: { pg: '8.16.3', '@prisma/adapter-pg': PRISMA },
    what: 'a `pg.Client` subclass whose `query` rewrites the reported type OID of `name` and `"char"` columns to `text`',
    why: '`@prisma/adapter-pg` has no mapping for those catalog types, so `migrate dev` fails with "Column type \'name\' could not be deserialized" when the schema engine introspects',
    upstream: 'https://github.com/prisma/orm/issues/27403',
    verifiedBy: ['src/database/provisioning/test/migrate-workflows.spec.ts'],
  },
  {
    id: 'prisma-adapter-shadow-database',
    context: 'cli',
    versions: { '@prisma/adapter-pg': PRISMA },
    what: "replaces `PrismaPg.connectToShadowDb` and the shadow adapter's `dispose`: its own URL for the shadow pool, closed before `DROP DATABASE … WITH (FORCE)`",
    why: 'adapter-pg drops the shadow database while its own pool is still connected ("is being accessed by other users") and builds the shadow pool from the main database\'s connection string',
    upstream:
      'no upstream issue found for the adapter; the same message with the native engine is https://github.com/prisma/orm/issues/22845',
    verifiedBy: ['src/database/provisioning/test/migrate-workflows.spec.ts'],
  },
  {
    id: 'prisma-query-engine-library',
    context: 'cli',
    versions: { prisma: PRISMA },
    what: "sets the CLI's private `PRISMA_QUERY_ENGINE_LIBRARY` to an existing file (prisma/package.json) unless the operator set it",
    why: "when a schema does not parse, the CLI assumes the native engine and downloads it before reporting the error; offline the network error replaces Prisma's message",
    upstream:
      'no upstream issue found; the variable is an undocumented override of the engine download, and Prisma 7 removes the native engines (https://github.com/prisma/orm/pull/28319)',
    verifiedBy: ['src/database/provisioning/test/migrate-workflows.spec.ts'],
  },
  {
    id: 'prisma-studio-query-engine',
    context: 'cli',
    versions: { prisma: PRISMA },
    what: "wraps Node's `Module._load` for the runtime module `prisma studio` requires (`prisma/prisma-client/runtime/library`) and adds `engineWasm` (the CLI's `build/query_engine_bg.postgresql.{js,wasm}`) to its `getPrismaClient` config",
    why: 'Studio\'s client still loads the native query engine library, which this project never downloads ("invalid ELF header")',
    upstream: 'no upstream issue found; Prisma 7 drops the library engine Studio loads (https://github.com/prisma/orm/pull/28319)',
    verifiedBy: [
      'src/platform/vendor-patches/prisma-studio-query-engine.patch.spec.ts',
      'src/database/studio/test/prisma-studio.e2e.spec.ts',
    ],
  },
  {
    id: 'prisma-internals-engine-commands',
    context: 'build',
    versions: { '@prisma/internals': PRISMA },
    what: 'imports `getDMMF` and `formatSchema` from `@prisma/internals/dist/engine-commands/*` instead of the package index',
    why: 'the full DMMF (enums, ids, relation fields) and the formatter for one component schema; the index costs about 0.9 s to require, the single module about 0.1 s',
    upstream:
      "no upstream issue found; @prisma/internals is Prisma's own, unversioned-API package, so the deep paths are as public as its index",
    verifiedBy: ['build/database-schema/component-schema-format.spec.ts', 'build/data-model/render-data-model.spec.ts'],
  },
  {
    id: 'webpack-cli-bootstrap',
    context: 'build',
    versions: { 'webpack-cli': '6.0.1' },
    what: "calls `webpack-cli/lib/bootstrap` (the function webpack-cli's bin script calls) in this process",
    why: 'so webpack.config.js is loaded through the same tsx as build/build.ts, and the build stamp is written on the same process exit',
    upstream: 'no upstream issue found; webpack-cli has no programmatic API, its own bin script calls this module',
    verifiedBy: ['build/build-stamp/build-stamp.spec.ts'],
  },
  {
    id: 'fork-ts-checker-files-change',
    context: 'build',
    versions: { 'fork-ts-checker-webpack-plugin': '9.1.0' },
    what: "taps the plugin's `start` hook with the `FilesChange` type from `lib/files-change` (not exported from the package root), retyped for the installed tapable",
    why: 'files the build plugins write during a rebuild must be announced to the checker, which otherwise checks their old version',
    upstream: 'no upstream issue found; the type is part of the hook the plugin documents, only not re-exported',
    verifiedBy: ['build/webpack/watch-type-check-plugin.spec.ts'],
  },
  {
    id: 'run-script-worker',
    context: 'build',
    versions: { 'run-script-webpack-plugin': '0.2.3' },
    what: "reads the plugin's private `worker` field (the server's child process) in `npm run dev`",
    why: 'to stop the server, and wait for it, before the embedded database stops; the plugin offers no way to do either',
    upstream: 'https://github.com/atassis/run-script-webpack-plugin/issues/23 (wait till the process stopped; open)',
    verifiedBy: ['src/platform/vendor-patches/vendor-patches.spec.ts'],
  },
] as const satisfies readonly VendorPatch[];

export type VendorPatchId = (typeof VENDOR_PATCHES)[number]['id'];
