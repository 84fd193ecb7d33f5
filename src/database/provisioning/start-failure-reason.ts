import { PrismaCliError } from '../../platform/errors/prisma-cli.error';

const MAX_DETAIL = 600;

/**
 * One line saying why the embedded database could not be started. For a
 * failed Prisma command that is the command and Prisma's own error (from
 * its `Error:` line on, e.g. `P3009 … migration … failed`), not its banner
 * lines; anything else, the error's first line.
 */
export function startFailureReason(error: unknown): string {
  if (error instanceof PrismaCliError) {
    const lines = error.output.split('\n').map((line) => line.trim());
    const from = lines.findIndex((line) => /^Error\b/.test(line));
    const detail = (from === -1 ? lines.slice(-5) : lines.slice(from)).filter(Boolean).join(' ');
    const shown = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail;
    return `\`prisma ${error.args.join(' ')}\` failed with exit code ${error.exitCode}${shown ? `: ${shown}` : ''}`;
  }
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
