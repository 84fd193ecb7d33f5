/**
 * A command line `npm run jobs` cannot run: the message says what is wrong,
 * the command prints it with the usage and exits with 2, as a shell utility
 * does for a usage error.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
