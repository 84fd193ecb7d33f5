/**
 * A command line a bench script cannot run: the message says what is wrong
 * and shows the usage. The script prints it after its command's name and
 * exits with 2, as a shell utility does for a usage error.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
