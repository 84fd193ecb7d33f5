// Evaluates a component.meta.ts at build time: TypeScript's own transpiler
// turns it into CommonJS, which runs in a sandbox that can only load the
// platform's defineComponent helper. Metadata is data, not code with effects.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';

const ALLOWED_IMPORTS = /(^|\/)platform\/component-meta$/;

/** The first `import(...)` call: it would load its module after evaluation, outside the sandbox's check. */
function findDynamicImport(sourceFile: ts.SourceFile): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The metadata a meta file exports (not yet validated), or the one problem that stopped reading it. */
export type ReadMeta = { meta: unknown; error?: undefined } | { meta?: undefined; error: string };

export function readComponentMeta(file: string, shownPath: string): ReadMeta {
  const source = readFileSync(file, 'utf8');
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
    fileName: file,
  });
  const diagnostic = diagnostics?.[0];
  if (diagnostic) {
    const line =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 1;
    return { error: `${shownPath}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}; fix the syntax` };
  }
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const dynamicImport = findDynamicImport(sourceFile);
  if (dynamicImport) {
    const line = sourceFile.getLineAndCharacterOfPosition(dynamicImport.getStart(sourceFile)).line + 1;
    return {
      error: `${shownPath}:${line}: uses import(); a component.meta.ts may import only defineComponent from src/platform/component-meta, with a static import`,
    };
  }
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const sandboxRequire = (request: string) => {
    if (ALLOWED_IMPORTS.test(request)) return { defineComponent: (meta: unknown) => meta };
    throw new Error(`imports "${request}"; a component.meta.ts may import only defineComponent from src/platform/component-meta`);
  };
  try {
    vm.runInNewContext(outputText, { module, exports: module.exports, require: sandboxRequire }, { filename: file, timeout: 1000 });
  } catch (error) {
    return { error: `${shownPath}: ${(error as Error).message}` };
  }
  const meta = module.exports.default ?? module.exports.meta;
  if (meta === undefined) {
    return { error: `${shownPath}: exports no metadata; add \`export default defineComponent({ id, title, routes })\`` };
  }
  return { meta };
}
