// Evaluates a component.meta.ts at build time: TypeScript's own transpiler
// turns it into CommonJS, which runs in a sandbox that can only load the
// platform's defineComponent helper. Metadata is data, not code with effects.
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const ts = require('typescript');

const ALLOWED_IMPORTS = /(^|\/)platform\/component-meta$/;

/** The first `import(...)` call: it would load its module after evaluation, outside the sandbox's check. */
function findDynamicImport(sourceFile) {
  let found;
  const visit = (node) => {
    if (found) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** @returns {{ meta?: unknown, error?: string }} */
function readComponentMeta(file, shownPath) {
  const source = readFileSync(file, 'utf8');
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
    fileName: file,
  });
  if (diagnostics?.length) {
    const d = diagnostics[0];
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1;
    return { error: `${shownPath}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}; fix the syntax` };
  }
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const dynamicImport = findDynamicImport(sourceFile);
  if (dynamicImport) {
    const line = sourceFile.getLineAndCharacterOfPosition(dynamicImport.getStart(sourceFile)).line + 1;
    return { error: `${shownPath}:${line}: uses import(); a component.meta.ts may import only defineComponent from src/platform/component-meta, with a static import` };
  }
  const module = { exports: {} };
  const sandboxRequire = (request) => {
    if (ALLOWED_IMPORTS.test(request)) return { defineComponent: (meta) => meta };
    throw new Error(`imports "${request}"; a component.meta.ts may import only defineComponent from src/platform/component-meta`);
  };
  try {
    vm.runInNewContext(outputText, { module, exports: module.exports, require: sandboxRequire }, { filename: file, timeout: 1000 });
  } catch (error) {
    return { error: `${shownPath}: ${error.message}` };
  }
  const meta = module.exports.default ?? module.exports.meta;
  if (meta === undefined) {
    return { error: `${shownPath}: exports no metadata; add \`export default defineComponent({ id, title, routes })\`` };
  }
  return { meta };
}

module.exports = { readComponentMeta };
