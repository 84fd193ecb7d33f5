import { Client } from 'pg';

/**
 * Everything about a schema's objects that a clone must reproduce, read from
 * the catalog with an empty search_path so every name comes out qualified.
 * Keys and texts name the schema's own objects `<own>.name`, so `public` and
 * a worker schema compare equal exactly when they hold the same objects;
 * references to extension objects installed in `public` (`public.citext`)
 * stay as they are, in both.
 */
export interface CatalogFingerprint {
  relations: Record<string, string>;
  columns: Record<string, { type: string; default: string | null; notNull: boolean; identity: string }>;
  constraints: Record<string, string>;
  indexes: Record<string, string>;
  sequences: Record<string, Record<string, unknown>>;
  triggers: Record<string, string>;
  functions: Record<
    string,
    { result: string; language: string; body: string; config: string[] | null; volatility: string; securityDefiner: boolean }
  >;
  comments: Record<string, string>;
  views: Record<string, string>;
  enums: Record<string, string[]>;
  types: Record<string, string>;
}

const NOT_EXTENSION_MEMBER = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const QUERIES = {
  relations: `SELECT c.relname AS key, c.relkind::text AS value FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  columns: `SELECT c.relname || '.' || a.attname AS key, json_build_object('type', format_type(a.atttypid, a.atttypmod),
      'default', pg_get_expr(ad.adbin, ad.adrelid), 'notNull', a.attnotnull, 'identity', a.attidentity::text) AS value
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
  constraints: `SELECT c.relname || '.' || co.conname AS key, pg_get_constraintdef(co.oid) AS value
    FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace WHERE n.nspname = $1`,
  indexes: `SELECT i.relname AS key, pg_get_indexdef(i.oid) AS value
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = $1`,
  sequences: `SELECT s.sequencename AS key, json_build_object('type', s.data_type::text, 'start', s.start_value::text, 'min', s.min_value::text,
      'max', s.max_value::text, 'increment', s.increment_by::text, 'cycle', s.cycle, 'cache', s.cache_size::text,
      'ownedBy', (SELECT t.relname || '.' || a.attname || ' (' || d.deptype::text || ')' FROM pg_depend d
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
          AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i'))) AS value
    FROM pg_sequences s WHERE s.schemaname = $1`,
  triggers: `SELECT c.relname || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) AS value
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND NOT t.tgisinternal`,
  functions: `SELECT p.proname || '(' || pg_get_function_arguments(p.oid) || ')' AS key, json_build_object(
      'result', pg_get_function_result(p.oid), 'language', l.lanname, 'body', p.prosrc, 'config', p.proconfig,
      'volatility', p.provolatile::text, 'securityDefiner', p.prosecdef) AS value
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
    WHERE n.nspname = $1 AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`,
  comments: `SELECT 'table ' || c.relname AS key, obj_description(c.oid, 'pg_class') AS value FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND obj_description(c.oid, 'pg_class') IS NOT NULL
    UNION ALL SELECT 'column ' || c.relname || '.' || a.attname, col_description(c.oid, a.attnum) FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL
    UNION ALL SELECT 'function ' || p.proname, obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = $1 AND obj_description(p.oid, 'pg_proc') IS NOT NULL AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
    UNION ALL SELECT 'type ' || t.typname, obj_description(t.oid, 'pg_type') FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = $1 AND obj_description(t.oid, 'pg_type') IS NOT NULL AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`,
  views: `SELECT c.relname AS key, pg_get_viewdef(c.oid) AS value FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind IN ('v', 'm')`,
  enums: `SELECT t.typname AS key, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS value
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = $1 GROUP BY t.typname`,
  // Types that are not a table's row type nor an array: enums, domains, ranges, composites.
  types: `SELECT t.typname AS key, t.typtype::text AS value FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_class c ON c.oid = t.typrelid
    WHERE n.nspname = $1 AND t.typcategory <> 'A' AND (t.typrelid = 0 OR c.relkind = 'c') AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`,
} satisfies Record<keyof CatalogFingerprint, string>;

export async function catalogFingerprint(client: Client, schema: string): Promise<CatalogFingerprint> {
  await client.query(`SELECT set_config('search_path', '', false)`);
  const normalise = await ownNameNormaliser(client, schema);
  const fingerprint = {} as Record<string, Record<string, unknown>>;
  for (const [part, sql] of Object.entries(QUERIES)) {
    const { rows } = await client.query(sql, [schema]);
    const entries = rows.map((row: { key: string; value: unknown }) => [row.key, deepNormalise(row.value, normalise)] as const);
    fingerprint[part] = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return fingerprint as unknown as CatalogFingerprint;
}

/**
 * Replaces `<schema>.name` (or `"<schema>".name`) by `<own>.name`, except where `name` is an object
 * an extension installed in that schema: those are shared by every schema.
 */
async function ownNameNormaliser(client: Client, schema: string): Promise<(text: string) => string> {
  const { rows } = await client.query(
    `SELECT coalesce(c.relname, t.typname, p.proname)::text AS name FROM pg_depend d
     LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
     LEFT JOIN pg_type t ON d.classid = 'pg_type'::regclass AND t.oid = d.objid
     LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
     JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace, p.pronamespace)
     WHERE d.deptype = 'e' AND n.nspname = $1`,
    [schema],
  );
  const extensionNames = new Set(rows.map((row: { name: string }) => row.name));
  const qualified = new RegExp(`(?<![\\w"$])(?:${schema}|"${schema}")\\.("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`, 'g');
  return (text) =>
    text.replace(qualified, (whole, name: string) => (extensionNames.has(name.replace(/^"|"$/g, '')) ? whole : `<own>.${name}`));
}

function deepNormalise(value: unknown, normalise: (text: string) => string): unknown {
  if (typeof value === 'string') return normalise(value);
  if (Array.isArray(value)) return value.map((item) => deepNormalise(item, normalise));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepNormalise(item, normalise)]));
  }
  return value;
}
