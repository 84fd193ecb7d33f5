// `npm run build`: webpack-cli, unless dist/ is already the build of the
// files as they are (build/build-stamp/build-stamp.ts); then it says so and
// stops, which makes `npm start` on an unchanged tree start the server at once.
// `npm run build -- --force` always builds.
import { ConfigurationError } from '../src/platform/errors/configuration.error';
import { runWebpackCli } from '../src/platform/vendor-patches/webpack-cli-bootstrap.patch';
import { currentInputs, forgetBuild, isUpToDate, recordBuild } from './build-stamp/build-stamp';

const projectRoot = process.cwd();
const force = process.argv.includes('--force');
const args = process.argv.slice(2).filter((arg) => arg !== '--force');

if (!force && isUpToDate(projectRoot, args)) {
  console.log('dist/ is up to date: no file it is built from changed since the last build (npm run build -- --force rebuilds)');
} else {
  const inputs = currentInputs(projectRoot, args);
  forgetBuild(projectRoot);
  // webpack-cli sets a non-zero exit code when the build failed; only a success is stamped.
  process.on('exit', (code) => {
    if (code === 0 && !args.includes('--watch')) recordBuild(projectRoot, inputs);
  });
  // In this process, so webpack.config.js is loaded through the same tsx as this file.
  try {
    void runWebpackCli(args);
  } catch (error) {
    // A VendorPatchError (webpack-cli moved from the version the patch was written for): one line, as npm start prints it.
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
