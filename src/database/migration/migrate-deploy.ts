import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pendingMigrations } from './pending-migrations';

interface CliResult {
  code: number | null;
  output: string;
}

function runPrismaCli(args: string[], migrationUrl: string): Promise<CliResult> {
  const cli = createRequire(join(process.cwd(), 'package.json')).resolve('prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, MIGRATION_DATABASE_URL: migrationUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Applies pending migrations with the project's own Prisma CLI, as the role in
 * `migrationUrl`; throws with the CLI's exit code and output when it fails.
 *
 * Whether anything is pending is read from `_prisma_migrations` first (a few
 * milliseconds) and the CLI only runs when something is: it takes about a
 * second to start, and on Prisma 6.19's WebAssembly engine `migrate deploy`
 * leaves a 10 s timer running that its process waits for.
 * @returns whether migrations were applied
 */
export async function runMigrateDeploy(migrationUrl: string, migrationsDir = join(process.cwd(), 'prisma', 'migrations')): Promise<boolean> {
  if ((await pendingMigrations(migrationUrl, migrationsDir)).length === 0) return false;
  const deploy = await runPrismaCli(['migrate', 'deploy'], migrationUrl);
  if (deploy.code !== 0) {
    throw new Error(`\`prisma migrate deploy\` failed with exit code ${deploy.code}:\n${deploy.output.trim()}`);
  }
  return true;
}
