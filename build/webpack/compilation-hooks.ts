import type { Compilation, Compiler } from 'webpack';

/** What a build step reports to webpack after each run. */
export interface BuildStepOutcome {
  /** Problems, each a complete message: the compilation fails with them. */
  errors: string[];
  /** Advice that does not stop the build: shown as compilation warnings. */
  warnings?: string[];
  /** Files the step read: editing one rebuilds in watch mode. */
  watched: string[];
  /** Files the step looked for and did not find: creating one rebuilds. */
  missing: string[];
}

/**
 * A plugin that writes source files in watchRun must tell webpack and
 * ts-loader, or this very compilation reads the old content from their caches
 * (webpack's cached input file system; ts-loader re-reads only files whose
 * timestamp in compiler.fileTimestamps is newer than its last look).
 */
export function announceWrittenFiles(compiler: Compiler, paths: string[]): void {
  if (paths.length === 0) return;
  const inputFileSystem = compiler.inputFileSystem as { purge?: (files: string[]) => void } | null;
  inputFileSystem?.purge?.(paths);
  const now = Date.now();
  if (compiler.fileTimestamps instanceof Map) {
    for (const path of paths) compiler.fileTimestamps.set(path, { safeTime: now, timestamp: now });
  }
  if (compiler.modifiedFiles instanceof Set) {
    for (const path of paths) compiler.modifiedFiles.add(path);
  }
}

/** Runs `prepare` before every compilation: single builds (`run`) and watch rebuilds (`watchRun`). */
export function beforeEveryCompilation(compiler: Compiler, name: string, prepare: () => Promise<void>): void {
  compiler.hooks.run.tapPromise(name, () => prepare());
  compiler.hooks.watchRun.tapPromise(name, () => prepare());
}

/** Compilations in which a build step reported an error: nothing else in them is worth reporting. */
const stoppedByBuildStep = new WeakSet<Compilation>();

/**
 * Whether a build step (discovery, the schema collection) failed this
 * compilation. Its error is the root cause: type errors the type check would
 * report then are its consequences (a stale generated file, a client without
 * the model), so they are not reported.
 */
export function failedInBuildStep(compilation: Compilation | undefined): boolean {
  return compilation !== undefined && stoppedByBuildStep.has(compilation);
}

/**
 * Puts a build step's outcome into every compilation: its problems as
 * compilation errors (the build fails; watch mode keeps the last good output)
 * and what it read as watched dependencies, so adding, editing or deleting
 * such a file, or anything under `contextDir`, rebuilds.
 *
 * A compilation with such an error builds no module: every module would be
 * compiled against generated files and a client that do not match the
 * sources, and its errors would bury the one that says what to fix.
 */
export function reportToEveryCompilation(compiler: Compiler, name: string, contextDir: string, getOutcome: () => BuildStepOutcome): void {
  compiler.hooks.thisCompilation.tap(name, (compilation, { normalModuleFactory }) => {
    const { errors, warnings = [], watched, missing } = getOutcome();
    if (errors.length > 0 && !stoppedByBuildStep.has(compilation)) {
      stoppedByBuildStep.add(compilation);
      // `false` ignores a request, as IgnorePlugin does: the entry included, so nothing is resolved, loaded or type-checked.
      normalModuleFactory.hooks.beforeResolve.tap(name, () => false);
    }
    const report = (messages: string[], into: Error[]) => {
      for (const message of messages) {
        const error = new compiler.webpack.WebpackError(message);
        error.hideStack = true;
        into.push(error);
      }
    };
    report(errors, compilation.errors);
    report(warnings, compilation.warnings);
    compilation.contextDependencies.add(contextDir);
    for (const file of watched) compilation.fileDependencies.add(file);
    for (const file of missing) compilation.missingDependencies.add(file);
  });
}
