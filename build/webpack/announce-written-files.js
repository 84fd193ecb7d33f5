// A plugin that writes source files in watchRun must tell webpack and
// ts-loader, or this very compilation reads the old content from their caches
// (webpack's cached input file system; ts-loader re-reads only files whose
// timestamp in compiler.fileTimestamps is newer than its last look).
function announceWrittenFiles(compiler, paths) {
  if (paths.length === 0) return;
  compiler.inputFileSystem?.purge?.(paths);
  const now = Date.now();
  if (compiler.fileTimestamps instanceof Map) {
    for (const path of paths) compiler.fileTimestamps.set(path, { safeTime: now, timestamp: now });
  }
  if (compiler.modifiedFiles instanceof Set) {
    for (const path of paths) compiler.modifiedFiles.add(path);
  }
}

/** Runs `prepare` before every compilation: single builds (`run`) and watch rebuilds (`watchRun`). */
function beforeEveryCompilation(compiler, name, prepare) {
  compiler.hooks.run.tapPromise(name, () => prepare());
  compiler.hooks.watchRun.tapPromise(name, () => prepare());
}

module.exports = { announceWrittenFiles, beforeEveryCompilation };
