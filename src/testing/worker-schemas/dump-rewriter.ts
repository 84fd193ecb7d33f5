/**
 * Turns `pg_dump --schema-only --schema=<source>` output into a script that
 * creates the same objects in another schema. Pure: text in, text out.
 *
 * Only names of objects that belong to the dumped schema are rewritten (the
 * caller lists them from the catalog); objects of extensions installed there
 * (`citext`, `uuid_generate_v4()`) keep pointing at the source schema, and so
 * does any other `<source>.` text. Function bodies are rewritten by the same
 * rule, so a trigger function writes into its own worker schema.
 */
export function rewriteDumpForSchema(dump: string, source: string, target: string, ownNames: ReadonlySet<string>): string {
  // pg_dump never quotes `public`, but function bodies are dumped as written,
  // and Prisma-style SQL quotes every name: `"public"."AuditLog"`.
  const schema = escapeRegExp(source);
  const qualified = new RegExp(`(?<![\\w"$])(?:${schema}|"${schema}")\\.("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`, 'g');
  const rewritten = dump.replace(qualified, (whole, name: string) => (ownNames.has(unquote(name)) ? `${target}.${name}` : whole));
  return rewritten
    .split('\n')
    .filter((line) => !isDroppedLine(line, source))
    .join('\n');
}

/**
 * psql meta-commands (`\restrict`, added in 15.14) are not SQL; the schema
 * itself already exists; extensions are database-wide and already installed.
 */
function isDroppedLine(line: string, source: string): boolean {
  if (line.startsWith('\\')) return true;
  const schema = escapeRegExp(source);
  return new RegExp(
    `^(CREATE SCHEMA ${schema};|ALTER SCHEMA ${schema} |COMMENT ON SCHEMA ${schema} |CREATE EXTENSION |COMMENT ON EXTENSION )`,
  ).test(line);
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A schema's own objects that other SQL can name schema-qualified, leaving out extension members. */
export const OWN_OBJECT_NAMES_SQL = `
  WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = $1),
  objects AS (
    SELECT c.oid, 'pg_class'::regclass AS classid, c.relname::text AS name FROM pg_class c, ns WHERE c.relnamespace = ns.oid
    UNION ALL SELECT t.oid, 'pg_type'::regclass, t.typname::text FROM pg_type t, ns WHERE t.typnamespace = ns.oid
    UNION ALL SELECT p.oid, 'pg_proc'::regclass, p.proname::text FROM pg_proc p, ns WHERE p.pronamespace = ns.oid
    UNION ALL SELECT co.oid, 'pg_collation'::regclass, co.collname::text FROM pg_collation co, ns WHERE co.collnamespace = ns.oid
  )
  SELECT DISTINCT o.name FROM objects o
  WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.oid AND d.deptype = 'e')`;
