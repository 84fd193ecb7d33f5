import { assertVendorPatch, hookPointMissing } from './vendor-patch-check';

/**
 * Runs webpack-cli in this process through `webpack-cli/lib/bootstrap`, the
 * function its own bin script calls (webpack-cli has no programmatic API), so
 * webpack.config.js is loaded through the same tsx as the caller (manifest
 * entry "webpack-cli-bootstrap").
 */
export function runWebpackCli(args: readonly string[]): Promise<void> {
  const PATCH = 'webpack-cli-bootstrap';
  assertVendorPatch(PATCH);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack-cli's own entry, as its bin script calls it
  const runCli = require('webpack-cli/lib/bootstrap') as unknown;
  if (typeof runCli !== 'function') throw hookPointMissing(PATCH, 'webpack-cli/lib/bootstrap no longer exports a function');
  return (runCli as (argv: string[]) => Promise<void>)([process.argv[0], require.resolve('webpack-cli/bin/cli.js'), ...args]);
}
