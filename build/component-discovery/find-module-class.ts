// Finds the Nest module class a component.module.ts exports: an exported
// class decorated with @Module(...). Read from the syntax tree, not executed.
// Loaded only when a module file is not in the discovery cache (TypeScript is slow to load).
import ts from 'typescript';

/** @returns names of exported classes decorated with @Module */
export function findModuleClasses(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isModule = ts
      .getDecorators(statement)
      ?.some((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText(source) === 'Module');
    if (exported && isModule) names.push(statement.name.text);
  }
  return names;
}
