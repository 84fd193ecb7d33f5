// A throw-away copy of this project for tests that run its commands as a
// newcomer would (npm run component:new, npx prisma migrate dev, npm test,
// npm start). Source files are copied; node_modules is a folder of links to
// this project's packages, except the places commands write into (the
// generated Prisma Client, tool caches), so nothing run in the copy changes
// this project. Its embedded PostgreSQL clusters live in its own .data/.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../../src/database/embedded/free-port';
import { componentNames } from '../component-names';

export const repoRoot = resolve(__dirname, '../../..');

/** Never copied: installed, built, generated or local state. */
const NOT_COPIED = new Set(['node_modules', '.data', 'dist', '.git', 'coverage', 'src/generated', 'prisma/schema']);

/** Written by commands, so the copy gets its own instead of a link. */
const OWN_IN_NODE_MODULES = new Set(['.prisma', '.cache', '@prisma']);

export interface CommandRun {
  command: string;
  code: number | null;
  /** stdout and stderr, in order. */
  output: string;
  ms: number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export class ProjectCopy {
  private readonly running = new Set<ChildProcess>();

  private constructor(readonly root: string) {}

  /**
   * `freeIds`: components the test itself creates. A developer who followed
   * the README or the tutorial has them already; the copy leaves out their
   * folders and every migration that touches their tables, so the test meets
   * the project as if those ids were still free, and passes on their machine too.
   */
  static create({ freeIds = [] }: { freeIds?: string[] } = {}): ProjectCopy {
    const root = mkdtempSync(join(tmpdir(), 'project-copy-'));
    // As root, PostgreSQL runs as the user "postgres", which must reach .data/.
    chmodSync(root, 0o755);
    const leftOut = new Set(freeIds.map((id) => `src/components/${id}`));
    const tables = freeIds.map((id) => `"${componentNames(id, { schema: true }).model}"`);
    const touchesLeftOutTables = (relative: string) => {
      const sql = join(repoRoot, relative, 'migration.sql');
      return (
        /^prisma\/migrations\/[^/]+$/.test(relative) && existsSync(sql) && tables.some((table) => readFileSync(sql, 'utf8').includes(table))
      );
    };
    cpSync(repoRoot, root, {
      recursive: true,
      filter: (source) => {
        const relative = source.slice(repoRoot.length + 1);
        return !NOT_COPIED.has(relative) && !leftOut.has(relative) && !touchesLeftOutTables(relative);
      },
    });
    linkNodeModules(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    return new ProjectCopy(root);
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  read(path: string): string {
    return readFileSync(this.path(path), 'utf8');
  }

  write(path: string, content: string): void {
    writeFileSync(this.path(path), content);
  }

  /** The environment of a developer's shell: no database configured (the embedded default), no trace of the Jest run around it. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', JEST_WORKERS: '1', ...extra };
    for (const name of Object.keys(env)) {
      if (
        /^(DATABASE_URL|MIGRATION_DATABASE_URL|DATABASE_SCHEMA|JEST_WORKER_ID|NODE_ENV|INIT_CWD|npm_package_.*|npm_lifecycle_.*)$/.test(
          name,
        )
      ) {
        delete env[name];
      }
    }
    return env;
  }

  /** Runs a shell command line in the copy's root, to the end or until `timeoutMs`. */
  run(command: string, timeoutMs = 120_000): Promise<CommandRun> {
    const started = performance.now();
    const child = this.spawn(command, this.env());
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        chunks.push(Buffer.from(`\n[stopped after ${timeoutMs} ms]\n`));
        killGroup(child, 'SIGKILL');
      }, timeoutMs);
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ command, code, output: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started });
      });
    });
  }

  /** Starts a server command on a free port and waits for its `listening on` line. */
  async start(command: string, timeoutMs = 120_000): Promise<RunningServer> {
    const port = await findFreePort();
    const child = this.spawn(command, this.env({ PORT: String(port) }));
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Ctrl-C, as in a terminal: the app stops, then its PostgreSQL.
      killGroup(child, 'SIGINT');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command}: no "listening on" line after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (/listening on http:\/\//.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`${command} exited with ${code} before listening:\n${output}`));
      });
    }).catch(async (error: unknown) => {
      await stop();
      throw error;
    });
    return { baseUrl: `http://127.0.0.1:${port}`, output: () => output, stop };
  }

  /**
   * Stops whatever is still running (commands, then any embedded PostgreSQL a
   * killed command left behind) and deletes the copy. Safe after any failure.
   */
  async dispose(): Promise<void> {
    for (const child of this.running) killGroup(child, 'SIGKILL');
    const dataDir = this.path('.data');
    const clusters = existsSync(dataDir) ? readdirSync(dataDir).map((name) => join(dataDir, name, 'postgres', 'postmaster.pid')) : [];
    for (const pidFile of clusters.filter((file) => existsSync(file))) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      // SIGQUIT: PostgreSQL's immediate shutdown; the cluster is thrown away next.
      if (Number.isInteger(pid) && pid > 0) tryKill(pid, 'SIGQUIT');
    }
    if (clusters.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(this.root, { recursive: true, force: true });
  }

  private spawn(command: string, env: NodeJS.ProcessEnv): ChildProcess {
    // Its own process group, so the command and everything it started stop together.
    const child = spawn('bash', ['-c', command], { cwd: this.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.add(child);
    child.once('close', () => this.running.delete(child));
    return child;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid !== undefined) tryKill(-child.pid, signal);
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * node_modules as links to the project's packages. Prisma writes the
 * generated client next to the @prisma/client it resolves (by its real path),
 * so @prisma/client is a folder of the copy's own, with links to the large
 * parts; .prisma (the client) and .cache (webpack, schema checks) start empty.
 */
function linkNodeModules(source: string, target: string): void {
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (!OWN_IN_NODE_MODULES.has(entry)) symlinkSync(join(source, entry), join(target, entry));
  }
  mkdirSync(join(target, '.prisma'));
  mkdirSync(join(target, '.cache'));
  mkdirSync(join(target, '@prisma'));
  for (const entry of readdirSync(join(source, '@prisma'))) {
    if (entry !== 'client') symlinkSync(join(source, '@prisma', entry), join(target, '@prisma', entry));
  }
  const client = join(source, '@prisma', 'client');
  mkdirSync(join(target, '@prisma', 'client'));
  for (const entry of readdirSync(client, { withFileTypes: true })) {
    const from = join(client, entry.name);
    const to = join(target, '@prisma', 'client', entry.name);
    if (entry.isDirectory()) symlinkSync(from, to);
    else cpSync(from, to);
  }
}
