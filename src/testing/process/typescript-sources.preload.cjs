// `node --require src/testing/process/typescript-sources.preload.cjs file.ts`:
// runs the project's TypeScript on plain Node, as Jest does (ts-jest), file by
// file with TypeScript itself and the project's tsconfig.json, so Nest gets the
// decorator metadata its injection reads; tsx cannot: esbuild emits none.
// Type errors are `npm run typecheck`'s business, not this hook's. Preloaded
// by fixture-app-instance.ts (the failure tests' app instances) and by the
// events bench (bench/events/platform-run.ts); bench may import src/testing,
// never the other way round.
// Imported assets become their source path, as
// src/testing/jest/asset-url.transform.js makes them under Jest.
// Transpiled files are cached by content under node_modules/.cache, so the
// second child starts in about the time Node needs to load the app.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join, relative, sep } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..', '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'typescript-sources');
const { config, error } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: true };
const optionsKey = createHash('sha256')
  .update(`${ts.version}\n${JSON.stringify(compilerOptions)}`)
  .digest('hex');

function transpile(source, filename) {
  const key = createHash('sha256').update(optionsKey).update(filename).update(source).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  mkdirSync(cacheDir, { recursive: true });
  // Written under a name of its own first: two children may transpile the same file at once.
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, outputText);
  renameSync(partial, cached);
  return outputText;
}

for (const extension of ['.ts', '.tsx']) {
  Module._extensions[extension] = function compileTypeScript(module, filename) {
    module._compile(transpile(readFileSync(filename, 'utf8'), filename), filename);
  };
}
for (const extension of ['.css', '.png', '.svg', '.jpg', '.jpeg', '.gif', '.webp']) {
  Module._extensions[extension] = function assetUrl(module, filename) {
    module.exports = `/static/__source__/${relative(root, filename).split(sep).join('/')}`;
  };
}
