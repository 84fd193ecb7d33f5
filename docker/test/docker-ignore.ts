import { readFileSync } from 'node:fs';

/**
 * Whether `.dockerignore` leaves a path (relative to the project root) out of
 * the build context. Only the syntax the project's file uses is understood:
 * root-relative names with `*` inside one path segment and an optional
 * trailing `/`. Anything else (`!`, `**`, `?`, `[`) throws, so a new pattern
 * cannot be misjudged silently; extend this reader when you add one.
 */
export function dockerIgnoreMatcher(path: string): (relativePath: string) => boolean {
  const patterns = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      if (/[!?[\]]|\*\*/.test(line)) throw new Error(`${path}: pattern "${line}" is beyond docker/test/docker-ignore.ts; extend it`);
      const segments = line.replace(/^\/|\/$/g, '').split('/');
      return segments.map((segment) => new RegExp(`^${segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
    });
  return (relativePath) => {
    const segments = relativePath.split('/');
    // A pattern that matches a folder excludes everything in it.
    return patterns.some(
      (pattern) => pattern.length <= segments.length && pattern.every((segment, index) => segment.test(segments[index])),
    );
  };
}
