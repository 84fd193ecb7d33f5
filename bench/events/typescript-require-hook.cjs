/**
 * `node --require bench/events/typescript-require-hook.cjs file.ts`: runs the
 * project's TypeScript on plain Node, each file transpiled with the
 * project's tsconfig (as ts-jest does for the tests), so Nest gets the
 * decorator metadata its dependency injection reads; tsx (esbuild) emits
 * none. Type errors are `npm run typecheck`'s business, not this hook's.
 * An imported stylesheet or image becomes its path, as under Jest
 * (src/testing/jest/asset-url.transform.js); nothing here serves it.
 */
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const ts = require('typescript');

const projectRoot = join(__dirname, '..', '..');
const { config, error } = ts.readConfigFile(join(projectRoot, 'tsconfig.json'), ts.sys.readFile);
if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, projectRoot);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: false };

for (const extension of ['.ts', '.tsx']) {
  require.extensions[extension] = (module, filename) => {
    const source = readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions });
    module._compile(outputText, filename);
  };
}

for (const extension of ['.css', '.png', '.svg', '.jpg', '.jpeg', '.gif', '.webp']) {
  require.extensions[extension] = (module, filename) => {
    module.exports = `/static/__source__/${relative(projectRoot, filename).split('\\').join('/')}`;
  };
}
