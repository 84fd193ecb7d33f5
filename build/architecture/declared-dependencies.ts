// `npm run lint`: a component that imports another component (its public
// surface, index.ts, is the only file .dependency-cruiser.cjs lets it import)
// must say so in its metadata, `dependsOn: ['<id>']`. Otherwise the build
// would not order its module and seed after the other's, nor refuse to build
// it when the other component is removed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { listComponentFolders } from '../component-folders';
import { collectComponents } from '../component-discovery/collect-components';

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`: the module specifiers of a TypeScript source. */
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface ComponentSources {
  id: string;
  dependsOn: readonly string[];
  /** Absolute path -> source. */
  files: ReadonlyMap<string, string>;
}

/** Pure: one problem per import of another component that `dependsOn` does not declare, naming file:line and the fix. */
export function undeclaredComponentImports(projectRoot: string, componentsDir: string, components: ComponentSources[]): string[] {
  const problems: string[] = [];
  for (const { id, dependsOn, files } of components) {
    for (const [file, source] of files) {
      for (const match of source.matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (!specifier.startsWith('.')) continue;
        const target = relative(componentsDir, resolve(dirname(file), specifier));
        if (target.startsWith('..') || target === '') continue;
        const other = target.split(sep)[0];
        if (other === id || dependsOn.includes(other)) continue;
        const line = source.slice(0, match.index).split('\n').length;
        problems.push(
          `${relative(projectRoot, file)}:${line}: imports the "${other}" component ('${specifier}'), but src/components/${id}/component.meta.ts does not declare it; add dependsOn: ['${other}'] there`,
        );
      }
    }
  }
  return problems;
}

function sourcesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, source] of sourcesUnder(path)) files.set(file, source);
    else if (/\.tsx?$/.test(entry.name)) files.set(path, readFileSync(path, 'utf8'));
  }
  return files;
}

if (require.main === module) {
  const projectRoot = resolve(__dirname, '..', '..');
  const componentsDir = join(projectRoot, 'src', 'components');
  const { dependencies } = collectComponents({ projectRoot, componentsDir });
  const components = listComponentFolders(componentsDir).map((id) => ({
    id,
    dependsOn: dependencies.get(id) ?? [],
    files: sourcesUnder(join(componentsDir, id)),
  }));
  const problems = undeclaredComponentImports(projectRoot, componentsDir, components);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
