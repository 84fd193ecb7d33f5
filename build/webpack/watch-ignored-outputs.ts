/**
 * A `watchOptions.ignored` for the files the build plugins write: during a
 * rebuild they rewrite them (src/generated/, prisma/schema/, the Prisma
 * Client), and webpack's watcher, which starts after the rebuild, would take
 * those writes for edits and start a second rebuild (and a second restart of
 * the dev server) at once. The plugins tell this compilation about their
 * writes themselves (announceWrittenFiles in compilation-hooks.ts).
 * @param paths absolute files or folders, each with everything inside it
 */
export function ignoredOutputs(paths: readonly string[]): RegExp {
  const escaped = paths.map((path) => path.replace(/\\/g, '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})(?:/|$)`);
}
