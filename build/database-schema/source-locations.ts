// Prisma reports errors against the copies in prisma/schema/; a component
// author edits src/components/<id>/prisma/schema.prisma. Name both, the
// file to edit first.
import type { SourceLine } from './check-component-schemas';

// Any copy's name; only those in `origins` are component copies.
const COPY_LOCATION = /prisma\/schema\/([^\s:/]+\.prisma):(\d+)/g;

/** @param origins copy file name -> where each of its lines came from (see schema-copies.ts) */
export function withSourceLocations(message: string, origins: ReadonlyMap<string, readonly (SourceLine | undefined)[]>): string {
  const notes = new Set<string>();
  for (const [, name, line] of message.matchAll(COPY_LOCATION)) {
    const origin = origins.get(name)?.[Number(line) - 1];
    if (origin) notes.add(`edit ${origin.path}:${origin.line} (Prisma names its generated copy prisma/schema/${name}:${line}):`);
  }
  return notes.size === 0 ? message : `${[...notes].join('\n')}\n${message}`;
}
