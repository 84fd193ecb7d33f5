import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The reference servers' sources, relative to bench/: the bare limit, the
 * plain peer, the page both render, and the demo's posts the peer reads
 * (compiled in the same layout, so the peer's `../../demo-posts` resolves).
 */
const SOURCES = ['pages/bare-limit-server.tsx', 'pages/reference-page.tsx', 'pages/plain-peer', 'demo-posts.ts'];

export interface ReferenceScripts {
  bareLimit: string;
  plainPeer: string;
}

function sourceFiles(path: string): string[] {
  if (/\.tsx?$/.test(path)) return /\.spec\.tsx?$/.test(path) ? [] : [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() || /\.tsx?$/.test(entry.name) ? sourceFiles(join(path, entry.name)) : [],
  );
}

/**
 * Compiles the two reference servers to JavaScript under `outDir`, so they
 * run on plain node like the app's bundle: no loader at run time, and Nest
 * gets the decorator metadata its injection reads (tsx/esbuild emits
 * none). File by file (`transpileModule`, about a second): the sources are
 * type-checked with the rest by `npm run typecheck`. The output sits under
 * the project, so `require` finds the project's node_modules.
 */
export function buildReferenceServers(projectRoot: string, outDir: string): ReferenceScripts {
  const sourceRoot = join(projectRoot, 'bench');
  rmSync(outDir, { recursive: true, force: true });
  for (const file of SOURCES.flatMap((name) => sourceFiles(join(sourceRoot, name)))) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        jsx: ts.JsxEmit.ReactJSX,
        esModuleInterop: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    });
    const problem = output.diagnostics?.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    if (problem) {
      throw new Error(
        `${relative(projectRoot, file)}: ${ts.flattenDiagnosticMessageText(problem.messageText, '\n')}; fix the reference server`,
      );
    }
    const target = join(outDir, relative(sourceRoot, file).replace(/\.tsx?$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
  return { bareLimit: join(outDir, 'pages', 'bare-limit-server.js'), plainPeer: join(outDir, 'pages', 'plain-peer', 'main.js') };
}
