import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, SourceMapping } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionLocation } from './cpu-profile-summary';

/** A source map's `sources` entry as a path: a file URL, or relative to the generated file's folder. */
function sourcePath(source: string, generatedFile: string): string {
  if (source.startsWith('file://')) return fileURLToPath(source);
  const path = source.replace(/^webpack:\/\/[^/]*\//, '');
  return isAbsolute(path) ? path : resolve(dirname(generatedFile), path);
}

/**
 * Places a profiled function in its source: through the bundle's source map
 * (dist/main.js bundles the app and React), else the file itself; paths
 * relative to the project. Maps are read once per file.
 */
export function bundleLocator(projectRoot: string): (url: string, line: number, column: number) => FunctionLocation {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as never) : null);
    }
    return maps.get(file)!;
  };
  return (url, line, column) => {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    // findEntry answers {} for a position the map does not cover.
    const entry: Partial<SourceMapping> | undefined = file.startsWith('/') ? mapOf(file)?.findEntry(line, column) : undefined;
    if (entry?.originalSource && entry.originalLine !== undefined) {
      return { file: relative(projectRoot, sourcePath(entry.originalSource, file)), line: entry.originalLine + 1 };
    }
    return { file: file.startsWith('/') ? relative(projectRoot, file) : file, line: line + 1 };
  };
}
