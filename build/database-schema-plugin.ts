// Webpack plugin: collects every component's Prisma schema into prisma/schema/
// and regenerates the one Prisma Client when the collected content changed.
// See docs/architecture.md ("Schema pipeline").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Compiler } from 'webpack';
import { runPrismaCli } from '../src/database/process/prisma-cli';
import { PrismaCliError } from '../src/platform/errors/prisma-cli.error';
import { collectComponents } from './component-discovery/collect-components';
import { DATA_MODEL_FILE } from './data-model/current-data-model';
import { renderDataModelFromSchemaDir } from './data-model/write-data-model';
import { collectSchemas } from './database-schema/collect-schemas';
import type { ComponentSchemaSettings } from './database-schema/component-schema-settings';
import { SchemaFactsCache } from './database-schema/schema-facts-cache';
import { withSourceLocations } from './database-schema/source-locations';
import { renderDelegateTypes } from './database-schema/render-component-models';
import { removeStaleCopies, writeSchemas } from './database-schema/write-schemas';
import { writeIfChanged } from './output/write-if-changed';
import { announceWrittenFiles, beforeEveryCompilation, BuildStepOutcome, reportToEveryCompilation } from './webpack/compilation-hooks';

const PLUGIN = 'DatabaseSchemaPlugin';

export interface DatabaseSchemaPluginOptions {
  /** Where package.json and prisma.config.ts are. */
  projectRoot?: string;
  /** Default `<root>/src/components`. */
  componentsDir?: string;
  /** Default `<root>/prisma/schema`. */
  schemaDir?: string;
  /**
   * Remembers what the client was generated from; kept inside the generated
   * client so a reinstall (which deletes it) forces a generate.
   */
  hashFile?: string;
  /** Where src/generated/component-models.ts goes; default `<root>/src/generated`. */
  outputDir?: string;
  /** Runs `prisma generate`; default: the project's own CLI. */
  generate?: (schemaDir: string) => Promise<unknown>;
  /**
   * Component id -> its `dependsOn`, for the relation checks. Default: read
   * the metadata again; the webpack config passes what discovery just read.
   */
  dependencies?: () => ReadonlyMap<string, readonly string[]>;
  /**
   * Component id -> its `prismaPreviewFeatures` and `modelNamePrefix`. Default:
   * read the metadata again; the webpack config passes what discovery just read.
   */
  schemaSettings?: () => ReadonlyMap<string, ComponentSchemaSettings>;
  /**
   * The component folders. Default: scan the components folder; the webpack
   * config passes the folders discovery just listed, so a build scans once.
   */
  folders?: () => string[];
  /** docs/data-model.md, redrawn whenever the client is regenerated; null: never. Default `<root>/docs/data-model.md`. */
  dataModelFile?: string | null;
}

export interface DatabaseSchemaRun extends BuildStepOutcome {
  generated: boolean;
  /** Absolute paths of the generated source files this run rewrote. */
  written: string[];
}

interface InfoLogger {
  info(message: string): void;
}

export class DatabaseSchemaPlugin {
  private readonly projectRoot: string;
  private readonly componentsDir: string;
  private readonly schemaDir: string;
  private readonly hashFile: string;
  private readonly outputDir: string;
  private readonly generate: (schemaDir: string) => Promise<unknown>;
  private readonly dependencies: () => ReadonlyMap<string, readonly string[]>;
  private readonly schemaSettings: () => ReadonlyMap<string, ComponentSchemaSettings>;
  private readonly folders: (() => string[]) | undefined;
  private readonly cache: SchemaFactsCache;
  private readonly dataModelFile: string | null;
  /** What the `prisma-kysely` generator writes (main.prisma's second generator); null when `generate` is not Prisma's. */
  private readonly kyselyTypesFile: string | null;

  constructor(options: DatabaseSchemaPluginOptions = {}) {
    this.projectRoot = options.projectRoot ?? process.cwd();
    this.componentsDir = options.componentsDir ?? join(this.projectRoot, 'src', 'components');
    this.schemaDir = options.schemaDir ?? join(this.projectRoot, 'prisma', 'schema');
    this.hashFile = options.hashFile ?? join(this.projectRoot, 'node_modules', '.prisma', 'client', 'component-schemas.sha256');
    this.outputDir = options.outputDir ?? join(this.projectRoot, 'src', 'generated');
    this.generate = options.generate ?? ((schemaDir) => runPrismaCli(['generate', '--schema', schemaDir], { cwd: this.projectRoot }));
    // The hash lives in node_modules, the fast path's types in src/generated:
    // a deleted src/generated must regenerate even when the hash still matches.
    this.kyselyTypesFile = options.generate ? null : join(this.outputDir, 'kysely', 'database.ts');
    this.dependencies =
      options.dependencies ?? (() => collectComponents({ projectRoot: this.projectRoot, componentsDir: this.componentsDir }).dependencies);
    this.schemaSettings =
      options.schemaSettings ??
      (() => collectComponents({ projectRoot: this.projectRoot, componentsDir: this.componentsDir }).schemaSettings);
    this.folders = options.folders;
    this.cache = SchemaFactsCache.forProject(this.projectRoot);
    this.dataModelFile = options.dataModelFile === undefined ? join(this.projectRoot, DATA_MODEL_FILE) : options.dataModelFile;
  }

  /** Every file and folder this step writes: never edited by hand, so not watched (see webpack.config.js). */
  get outputs(): string[] {
    return [this.schemaDir, this.outputDir, dirname(this.hashFile), ...(this.dataModelFile ? [this.dataModelFile] : [])];
  }

  apply(compiler: Compiler): void {
    const logger = compiler.getInfrastructureLogger(PLUGIN);
    let outcome: BuildStepOutcome = { errors: [], warnings: [], watched: [], missing: [] };

    beforeEveryCompilation(compiler, PLUGIN, async () => {
      const run = await this.run(logger);
      outcome = run;
      // A regenerated client changes the types the TypeScript code is checked against.
      announceWrittenFiles(compiler, [...run.written, ...(run.generated ? [join(dirname(this.hashFile), 'index.d.ts')] : [])]);
    });

    reportToEveryCompilation(compiler, PLUGIN, this.componentsDir, () => outcome);
  }

  /**
   * One build step, usable without webpack.
   *
   * Whatever the outcome, prisma/schema/ and src/generated/component-models.ts
   * name no component whose folder (or schema) is gone. When the schemas are
   * invalid or Prisma rejects them, the client is not regenerated, so every
   * component that still exists keeps the delegates the client was last
   * generated with (a new one has none yet): the types stay those of the
   * client, and the failure is reported once, by this step, instead of again
   * as type errors in every file that uses the client.
   */
  async run(logger: InfoLogger = console): Promise<DatabaseSchemaRun> {
    const dependencies = this.dependencies();
    const collected = collectSchemas({
      projectRoot: this.projectRoot,
      componentsDir: this.componentsDir,
      dependencies,
      settings: this.schemaSettings(),
      cache: this.cache,
      folders: this.folders?.(),
    });
    const watched = [...collected.sources.values()].map((source) => join(this.projectRoot, source));
    const base = { watched, missing: collected.missing, warnings: collected.warnings, generated: false };
    const modelsFile = join(this.outputDir, 'component-models.ts');
    const writeModels = (content: string) => (writeIfChanged(modelsFile, content) ? [modelsFile] : []);
    const withLastClient = () =>
      writeModels(renderDelegateTypes(collected.folders, this.readClientDelegates(), dependencies, collected.tables));
    const logRemoved = (removed: string[]) => removed.length > 0 && logger.info(`removed stale schema copies: ${removed.join(', ')}`);

    // Invalid input is neither copied nor generated: the copies of the components that
    // still exist and the client stay as last built; those of removed components go.
    if (collected.errors.length > 0) {
      logRemoved(removeStaleCopies(this.schemaDir, new Set(collected.files.keys())));
      return { ...base, written: withLastClient(), errors: collected.errors };
    }

    logRemoved(writeSchemas(this.schemaDir, collected.files).removed);
    if (this.readHash() === collected.hash && (this.kyselyTypesFile === null || existsSync(this.kyselyTypesFile))) {
      this.rememberClientDelegates(collected.delegates);
      return { ...base, written: writeModels(collected.componentModels), errors: [] };
    }

    const started = Date.now();
    try {
      await this.generate(this.schemaDir);
    } catch (error) {
      const message = error instanceof PrismaCliError ? error.message : `prisma generate could not run: ${(error as Error).message}`;
      return { ...base, written: withLastClient(), errors: [withSourceLocations(message, collected.origins)] };
    }
    writeIfChanged(this.hashFile, `${collected.hash}\n`);
    this.rememberClientDelegates(collected.delegates);
    const written = writeModels(collected.componentModels);
    logger.info(`generated Prisma Client from ${collected.sources.size} component schema(s) in ${Date.now() - started} ms`);
    const dataModel = await this.redrawDataModel(collected.owners);
    // Prisma accepted what the parser could not read: it is valid, but was not checked.
    const warnings = [
      ...collected.warnings,
      ...(dataModel ? [dataModel] : []),
      ...[...collected.unchecked].map(
        ([source, reason]) =>
          `${source}: the cross-component checks could not parse this schema (${reason}), though Prisma accepts it; duplicates and relations in it were not checked`,
      ),
    ];
    return { ...base, warnings, written, errors: [], generated: true };
  }

  /** The schema changed: so did the picture of it. @returns a warning when it could not be drawn */
  private async redrawDataModel(owners: ReadonlyMap<string, string>): Promise<string | undefined> {
    if (!this.dataModelFile) return undefined;
    try {
      writeIfChanged(this.dataModelFile, await renderDataModelFromSchemaDir(this.schemaDir, owners, this.dependencies()));
      return undefined;
    } catch (error) {
      return `${DATA_MODEL_FILE} was not redrawn: ${(error as Error).message}; run npm run db:erd`;
    }
  }

  private readHash(): string | null {
    return existsSync(this.hashFile) ? readFileSync(this.hashFile, 'utf8').trim() : null;
  }

  /** Beside the hash, in the generated client: which component's models the client was generated with. */
  private get clientDelegatesFile(): string {
    return join(dirname(this.hashFile), 'component-delegates.json');
  }

  private rememberClientDelegates(delegates: ReadonlyMap<string, readonly string[]>): void {
    writeIfChanged(this.clientDelegatesFile, `${JSON.stringify(Object.fromEntries(delegates))}\n`);
  }

  /** Empty when unknown (a client generated before this file existed): each component then gets no delegates until a build succeeds. */
  private readClientDelegates(): Map<string, string[]> {
    try {
      const stored = JSON.parse(readFileSync(this.clientDelegatesFile, 'utf8')) as Record<string, unknown>;
      return new Map(
        Object.entries(stored).map(([id, names]) => [
          id,
          Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
        ]),
      );
    } catch {
      return new Map();
    }
  }
}
