import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PrismaCliError } from '../../platform/errors/prisma-cli.error';
import { runCommand } from './run-command';

export interface PrismaCliOptions {
  /** The project root: where package.json and prisma.config.ts are. Default: the working directory. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the project's own Prisma CLI (resolved from the project's
 * node_modules at run time, never a global one or a bundled copy) and
 * resolves with what it printed. A failure rejects with a `PrismaCliError`
 * carrying the exit code and the CLI's output unaltered. Shared by the build
 * (`prisma generate`) and the runtime (`prisma migrate deploy`).
 */
export async function runPrismaCli(args: string[], options: PrismaCliOptions = {}): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const cli = createRequire(join(cwd, 'package.json')).resolve('prisma/build/index.js');
  const env = { ...(options.env ?? process.env), PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  const { code, output } = await runCommand(process.execPath, [cli, ...args], { cwd, env });
  if (code !== 0) throw new PrismaCliError(args, code, output);
  return output;
}
