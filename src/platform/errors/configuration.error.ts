/**
 * A setting the operator gave is wrong. Its message says which, and how to fix
 * it; the process prints that one line and exits 1, without a stack trace.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}
