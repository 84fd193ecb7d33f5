import type ForkTsCheckerWebpackPluginType from 'fork-ts-checker-webpack-plugin';
import type { Compiler } from 'webpack';
import { tapFilesChange } from '../../src/platform/vendor-patches/fork-ts-checker-files-change.patch';
import { failedInBuildStep } from './compilation-hooks';

const PLUGIN = 'WatchTypeCheckPlugin';

/**
 * Watch mode's type check: fork-ts-checker-webpack-plugin, in a worker process
 * with its own incremental program, which (unlike ts-loader's) forgets deleted
 * files, so removing a component folder works. `async: false`
 * makes each rebuild wait for it and turns type errors into compilation errors
 * naming file:line: with `emitOnErrors: false` nothing is emitted, so the dev
 * server does not restart and the last good server keeps running.
 */
export class WatchTypeCheckPlugin {
  constructor(private readonly configFile: string) {}

  apply(compiler: Compiler): void {
    // Required here, not at the top: webpack.config.js imports this file for every build, and only watch mode uses it (~0.1 s to load).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    const ForkTsCheckerWebpackPlugin = require('fork-ts-checker-webpack-plugin') as typeof ForkTsCheckerWebpackPluginType;
    new ForkTsCheckerWebpackPlugin({
      async: false,
      typescript: { configFile: this.configFile, context: compiler.context },
      formatter: { type: 'codeframe', pathType: 'relative' },
    }).apply(compiler);

    // The checker learns of changes from its file watcher only, so the files
    // the build plugins write in this very rebuild (the generated module list,
    // a regenerated Prisma Client's types) would be checked in their old
    // version: a deleted component would fail once on its stale import. They
    // are announced in compiler.modifiedFiles (build/webpack/compilation-hooks.ts).
    const hooks = ForkTsCheckerWebpackPlugin.getCompilerHooks(compiler);
    tapFilesChange(hooks, PLUGIN, (change) => ({
      changedFiles: [...new Set([...(change.changedFiles ?? []), ...typeScriptFiles(compiler.modifiedFiles)])],
      deletedFiles: [...new Set([...(change.deletedFiles ?? []), ...typeScriptFiles(compiler.removedFiles)])],
    }));

    // When discovery or the schema collection failed, the generated files and
    // the client do not match the sources, and the type errors that follow
    // (in src/generated/, the platform's client types, the component's own
    // code) are consequences of the one error the build step reported.
    hooks.issues.tap(PLUGIN, (issues, compilation) => (failedInBuildStep(compilation) ? [] : issues));
  }
}

function typeScriptFiles(paths: ReadonlySet<string> | undefined): string[] {
  return [...(paths ?? [])].filter((path) => /\.(tsx?|json)$/.test(path));
}
