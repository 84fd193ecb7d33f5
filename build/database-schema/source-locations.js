// Prisma reports errors against the copies in prisma/schema/; a component
// author edits src/components/<id>/prisma/schema.prisma. Name both.
const COPY_LOCATION = /prisma\/schema\/([a-z][a-z0-9-]*\.prisma):(\d+)/g;

/** Each copy starts with one generated header line, so source line = copy line - 1. */
function withSourceLocations(message, sources) {
  const notes = new Set();
  for (const [, name, line] of message.matchAll(COPY_LOCATION)) {
    const source = sources.get(name);
    if (source) notes.add(`prisma/schema/${name}:${line} is a generated copy: edit ${source}:${Number(line) - 1}`);
  }
  return notes.size === 0 ? message : `${message}\n${[...notes].join('\n')}`;
}

module.exports = { withSourceLocations };
