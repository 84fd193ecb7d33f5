// Prisma reports errors against the copies in prisma/schema/; a component
// author edits src/components/<id>/prisma/schema.prisma. Name both, the
// file to edit first.
// Any copy's name; only those in `sources` are component copies.
const COPY_LOCATION = /prisma\/schema\/([^\s:/]+\.prisma):(\d+)/g;

/** Each copy starts with one generated header line, so source line = copy line - 1. */
export function withSourceLocations(message: string, sources: ReadonlyMap<string, string>): string {
  const notes = new Set<string>();
  for (const [, name, line] of message.matchAll(COPY_LOCATION)) {
    const source = sources.get(name);
    if (source) notes.add(`edit ${source}:${Number(line) - 1} (Prisma names its generated copy prisma/schema/${name}:${line}):`);
  }
  return notes.size === 0 ? message : `${[...notes].join('\n')}\n${message}`;
}
