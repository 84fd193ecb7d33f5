import { Client, QueryResult } from 'pg';
import { assertVendorPatch } from './vendor-patch-check';

/** PostgreSQL OIDs of the catalog types `"char"` and `name`. */
const CATALOG_CHAR_OID = 18;
const CATALOG_NAME_OID = 19;
const TEXT_OID = 25;

type AnyResult = QueryResult | QueryResult[] | undefined;

function reportCatalogTypesAsText(result: AnyResult): AnyResult {
  for (const part of Array.isArray(result) ? result : result ? [result] : []) {
    for (const field of part.fields ?? []) {
      if (field.dataTypeID === CATALOG_NAME_OID || field.dataTypeID === CATALOG_CHAR_OID) {
        field.dataTypeID = TEXT_OID;
      }
    }
  }
  return result;
}

/**
 * A `pg` client that reports the catalog types `name` and `"char"` as `text`.
 *
 * Why: `@prisma/adapter-pg` 6.19 has no mapping for them and throws
 * `UnsupportedNativeDataType`, so `prisma migrate dev` fails with
 * "Column type 'name' could not be deserialized" when the schema engine
 * introspects the catalog. Both already arrive as strings from `pg`; only the
 * reported type is wrong. Used for migrations only, never at runtime
 * (manifest entry "pg-catalog-types-as-text"; checked when constructed).
 */
export class CatalogTypesAsTextClient extends Client {
  constructor(...args: ConstructorParameters<typeof Client>) {
    assertVendorPatch('pg-catalog-types-as-text');
    super(...args);
  }

  // pg's overloads cannot be re-declared one by one without losing them; the
  // wrapper forwards every form unchanged and only post-processes the result.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() returns a different type per overload; this override must return what each one does
  query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: AnyResult) =>
        (last as (e: Error | null, r: AnyResult) => void)(error, reportCatalogTypesAsText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(reportCatalogTypesAsText) : pending;
  }
}
