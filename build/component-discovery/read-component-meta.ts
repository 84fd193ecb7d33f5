// Evaluates a component.meta.ts at build time: TypeScript's own transpiler
// parses it once and turns it into CommonJS, which runs in the shared
// sandbox (meta-sandbox.ts), which can only load the platform's
// defineComponent helper. Metadata is data, not code with effects.
// Loaded only when a meta file is not in the discovery cache: TypeScript takes
// ~0.2-0.4 s to load.
import ts from 'typescript';
import { runMetaModule } from './meta-sandbox';

/** What reading a meta file found, without its path: the caller prefixes it, so one outcome serves every copy of the same content. */
export type MetaOutcome =
  | { meta: unknown; error?: undefined }
  | {
      meta?: undefined;
      error: { line?: number; text: string };
      /** False when another run could end differently (the timeout depends on the machine's load). */
      repeatable: boolean;
    };

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

export function evaluateComponentMeta(source: string, file: string): MetaOutcome {
  // The import() check runs on transpileModule's own syntax tree (a transformer
  // sees it before emit), so the file is parsed once.
  let dynamicImportLine: number | undefined;
  const findImportCall: ts.TransformerFactory<ts.SourceFile> = () => (sourceFile) => {
    const call = findDynamicImport(sourceFile);
    if (call) dynamicImportLine = sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile)).line + 1;
    return sourceFile;
  };
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
    fileName: file,
    transformers: { before: [findImportCall] },
  });
  const diagnostic = diagnostics?.[0];
  if (diagnostic) {
    const line =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 1;
    return { error: { line, text: `${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}; fix the syntax` }, repeatable: true };
  }
  if (dynamicImportLine !== undefined) {
    return {
      error: {
        line: dynamicImportLine,
        text: 'uses import(); a component.meta.ts may import only defineComponent from the platform surface ("../../surface"), with a static import',
      },
      repeatable: true,
    };
  }
  let exported: Record<string, unknown>;
  try {
    exported = runMetaModule(outputText, file);
  } catch (error) {
    const timedOut = (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
    return { error: { text: String((error as Error).message) }, repeatable: !timedOut };
  }
  const meta = exported.default ?? exported.meta;
  if (meta === undefined) {
    return { error: { text: 'exports no metadata; add `export default defineComponent({ id, title, routes })`' }, repeatable: true };
  }
  return { meta };
}
