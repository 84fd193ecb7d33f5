/** The project's Prisma CLI exited with an error; the message carries its exit code and everything it printed. */
export class PrismaCliError extends Error {
  override name = 'PrismaCliError';

  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`\`prisma ${args.join(' ')}\` failed with exit code ${exitCode}:\n${output.trim()}`);
  }
}
