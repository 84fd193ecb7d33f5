import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { ChildProcessByStdio, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedCluster } from '../../embedded/embedded-cluster';
import { runCommand } from '../../process/run-command';
import { idleTimerProbe } from '../../../testing/process/idle-timer-probe';

const repoRoot = resolve(__dirname, '../../../..');

/** The fixture component's schema and the migration that creates it, as Prisma 6.19 writes it. */
export const FIXTURE_SCHEMA = `model FixtureNote {
  id    Int    @id @default(autoincrement())
  title String
}
`;
const FIXTURE_INIT_MIGRATION = `-- CreateTable
CREATE TABLE "FixtureNote" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "FixtureNote_pkey" PRIMARY KEY ("id")
);
`;
export const FIXTURE_INIT = '20200101000000_init';

/** What `prisma migrate dev` writes for a model added by {@link FixtureProject.addModel}. */
export function createTableSql(model: string): string {
  return `-- CreateTable\nCREATE TABLE "${model}" (\n    "id" SERIAL NOT NULL,\n    "name" TEXT NOT NULL,\n\n    CONSTRAINT "${model}_pkey" PRIMARY KEY ("id")\n);\n`;
}

export interface CliRun {
  code: number | null;
  /** stdout and stderr, in order. */
  output: string;
  /** Long timers the process waited for after its work (see idleTimerProbe): empty when it exited at once. */
  idleTimers: number[];
}

/**
 * A throw-away copy of this project whose only schema-bearing component is a
 * fixture (`src/components/fixture`, model `FixtureNote`, one committed
 * migration), so the platform's migrate workflows are tested without the
 * demo's tables. prisma.config.ts and package.json are copied; build/, the
 * rest of src/ and node_modules are linked. Its embedded cluster lives in its
 * own `.data/dev`, as on a clone.
 */
export class FixtureProject {
  private constructor(readonly root: string) {}

  /** A clone that never started its database: no `.data/`. */
  static create(): FixtureProject {
    const root = mkdtempSync(join(tmpdir(), 'migrate-workflow-'));
    // As root, PostgreSQL runs as the user "postgres", which must reach .data/.
    chmodSync(root, 0o755);
    for (const file of ['package.json', 'prisma.config.ts', 'tsconfig.json']) copyFileSync(join(repoRoot, file), join(root, file));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    symlinkSync(join(repoRoot, 'build'), join(root, 'build'));
    mkdirSync(join(root, 'src', 'components', 'fixture', 'prisma'), { recursive: true });
    for (const entry of readdirSync(join(repoRoot, 'src'))) {
      if (entry !== 'components') symlinkSync(join(repoRoot, 'src', entry), join(root, 'src', entry));
    }
    const project = new FixtureProject(root);
    writeFileSync(
      join(root, 'src', 'components', 'fixture', 'component.meta.ts'),
      `import { defineComponent } from '../../surface';\n\nexport default defineComponent({ id: 'fixture', title: 'Fixture', description: 'Migration workflow tests.', routes: [] });\n`,
    );
    writeFileSync(
      join(root, 'src', 'components', 'fixture', 'component.module.ts'),
      `import { Module } from '@nestjs/common';\n\n@Module({})\nexport class FixtureModule {}\n`,
    );
    writeFileSync(project.schemaFile, FIXTURE_SCHEMA);
    mkdirSync(join(project.migrationsDir, FIXTURE_INIT), { recursive: true });
    writeFileSync(join(project.migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    writeFileSync(join(project.migrationsDir, FIXTURE_INIT, 'migration.sql'), FIXTURE_INIT_MIGRATION);
    return project;
  }

  /**
   * A clone of this project as it is (its components, schemas and
   * migrations, linked) with a database of its own, for tests that start the
   * whole app on it. Only prisma/schema/ (the copies the CLI refreshes) and
   * .data/ are the clone's.
   */
  static cloneOfThisProject(): FixtureProject {
    const root = mkdtempSync(join(tmpdir(), 'project-clone-'));
    chmodSync(root, 0o755);
    for (const file of ['package.json', 'prisma.config.ts', 'tsconfig.json']) copyFileSync(join(repoRoot, file), join(root, file));
    for (const entry of ['node_modules', 'build', 'src']) symlinkSync(join(repoRoot, entry), join(root, entry));
    mkdirSync(join(root, 'prisma'));
    symlinkSync(join(repoRoot, 'prisma', 'migrations'), join(root, 'prisma', 'migrations'));
    return new FixtureProject(root);
  }

  get clusterRoot(): string {
    return join(this.root, '.data', 'dev');
  }

  get schemaFile(): string {
    return join(this.root, 'src', 'components', 'fixture', 'prisma', 'schema.prisma');
  }

  get migrationsDir(): string {
    return join(this.root, 'prisma', 'migrations');
  }

  /** Migration folder names, oldest first. */
  migrations(): string[] {
    return readdirSync(this.migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  /** Writes a migration by hand (as a pulled branch would bring it). */
  writeMigration(name: string, sql: string): void {
    mkdirSync(join(this.migrationsDir, name), { recursive: true });
    writeFileSync(join(this.migrationsDir, name, 'migration.sql'), sql);
  }

  /** Edits the fixture component's schema, as a developer would; {@link createTableSql} is its migration. */
  addModel(name: string): void {
    appendFileSync(this.schemaFile, `\nmodel ${name} {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`);
  }

  /**
   * Runs the project's Prisma CLI as `npx prisma …` would, with no database
   * configured (the embedded default). Generators and seeds are skipped: the
   * linked node_modules holds the real project's client.
   */
  async prisma(...args: string[]): Promise<CliRun> {
    return this.run(join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js'), args);
  }

  /** `npm run db:erd`: docs/data-model.md, which db:check also compares. */
  async drawDataModel(): Promise<CliRun> {
    return this.run(join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ['build/db-erd.ts']);
  }

  /** docs/component-map.md, which db:check also compares (the build draws it; this draws only it). */
  async drawComponentMap(): Promise<CliRun> {
    return this.run(join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ['build/component-map/draw-component-map.ts']);
  }

  /** `npm run db:check` in this project. */
  async dbCheck(): Promise<CliRun> {
    return this.run(join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ['build/db-check/db-check.ts']);
  }

  /**
   * Starts a Prisma CLI command that runs until stopped (`prisma studio`),
   * in the same environment as {@link prisma}.
   */
  startPrisma(...args: string[]): RunningCli {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js'), ...args], {
      cwd: this.root,
      env: this.cliEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new RunningCli(child);
  }

  private async run(script: string, args: string[]): Promise<CliRun> {
    const probe = idleTimerProbe(this.cliEnvironment());
    const { code, output } = await runCommand(process.execPath, [script, ...args], { cwd: this.root, env: probe.env });
    return { code, output, idleTimers: probe.idleTimers() };
  }

  private cliEnvironment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PRISMA_MIGRATE_SKIP_GENERATE: '1',
      PRISMA_MIGRATE_SKIP_SEED: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    };
    for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'DATABASE_SCHEMA']) delete env[name];
    return env;
  }

  /** Whether the project's PostgreSQL is running (a clean stop removes its pid file). */
  clusterIsRunning(): boolean {
    return existsSync(join(this.root, '.data', 'dev', 'postgres', 'postmaster.pid'));
  }

  /** Starts (or attaches to) the project's embedded cluster, as `npm start` does. */
  startCluster(): Promise<EmbeddedDatabase> {
    return startEmbeddedCluster({ root: join(this.root, '.data', 'dev'), durability: 'disposable' });
  }

  /** Runs `sql` as the owner on the project's database, starting the cluster for it if it is not running. */
  async query<T extends object>(sql: string): Promise<T[]> {
    const cluster = await this.startCluster();
    const client = new Client({ connectionString: cluster.ownerUrl });
    try {
      await client.connect();
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end().catch(() => undefined);
      await cluster.stop();
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A CLI command running in the background: what it printed so far, and how it ends. */
export class RunningCli {
  private text = '';
  private readonly waiters = new Set<() => void>();
  /** The exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;

  constructor(private readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    const collect = (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      for (const wake of this.waiters) wake();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? signal!)));
    void this.exited.then(() => {
      for (const wake of this.waiters) wake();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get output(): string {
    return this.text;
  }

  /** Resolves with the first match of `pattern` in the output; rejects, with the output, if the command ends first. */
  async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    let ended = false;
    void this.exited.then(() => (ended = true));
    for (;;) {
      const match = this.text.match(pattern);
      if (match) return match;
      if (ended || this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`the command ended before printing ${pattern}:\n${this.text}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  /** Sends `signal` and waits for the process to end. */
  async stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
