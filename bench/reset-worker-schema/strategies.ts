import type { PrismaService } from '../../src/database/runtime/prisma.service';
import { deleteAllInOneStatement, resetWorkerSchema } from '../../src/testing/reset-worker-schema';

/** A way of emptying `prisma.config.schema`; the bench times each on the same tests. */
export interface ResetStrategy {
  label: string;
  reset(prisma: PrismaService): Promise<void>;
}

const TABLES_SQL = `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`;

/**
 * The reset before issue 8, kept here to compare with: every table of the
 * schema, children first (order computed once per process), one DELETE
 * statement each, in one transaction. Throws on a foreign-key cycle.
 */
function oldChildFirst(): ResetStrategy {
  const orders = new Map<string, string[]>();
  return {
    label: 'before: every table, child first, one DELETE each',
    async reset(prisma) {
      const schema = prisma.config.schema;
      let order = orders.get(schema);
      if (!order) {
        order = await childFirstTables(prisma, schema);
        orders.set(schema, order);
      }
      await prisma.$transaction(order.map((table) => prisma.$executeRawUnsafe(`DELETE FROM "${schema}"."${table.replace(/"/g, '""')}"`)));
    },
  };
}

async function childFirstTables(prisma: PrismaService, schema: string): Promise<string[]> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`;
  const references = await prisma.$queryRaw<{ child: string; parent: string }[]>`
    SELECT ch.relname::text AS child, pa.relname::text AS parent
    FROM pg_constraint k
    JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace
    WHERE k.contype = 'f' AND n.nspname = ${schema} AND ch.oid <> pa.oid`;
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`old reset: ${table} is part of a foreign-key cycle`);
    for (const ref of references) if (ref.parent === table) visit(ref.child, [...path, table]);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name, []);
  return ordered;
}

/** The schema's tables, listed once per schema: what the cached strategies pay only on their first reset. */
async function cachedTables(lists: Map<string, string[]>, prisma: PrismaService): Promise<string[]> {
  const schema = prisma.config.schema;
  let tables = lists.get(schema);
  if (!tables) {
    tables = (await prisma.$queryRawUnsafe<{ name: string }[]>(TABLES_SQL, schema)).map((row) => row.name);
    lists.set(schema, tables);
  }
  return tables;
}

/** Every table in one statement: cycles are fine, but every table is planned and locked on every reset. */
function everyTableOneStatement(): ResetStrategy {
  const lists = new Map<string, string[]>();
  return {
    label: 'every table, one statement',
    async reset(prisma) {
      const tables = await cachedTables(lists, prisma);
      await prisma.$executeRawUnsafe(deleteAllInOneStatement(tables));
    },
  };
}

/** One EXISTS per table (table list cached), then one statement over the tables holding rows. */
function existsProbe(): ResetStrategy {
  const lists = new Map<string, string[]>();
  return {
    label: 'EXISTS probe of every table, then one statement',
    async reset(prisma) {
      const tables = await cachedTables(lists, prisma);
      const probe = tables.map((table, i) => `SELECT ${i} AS i WHERE EXISTS (SELECT FROM ${table})`).join(' UNION ALL ');
      const full = (await prisma.$queryRawUnsafe<{ i: number }[]>(probe)).map((row) => tables[row.i]);
      if (full.length > 0) await prisma.$executeRawUnsafe(deleteAllInOneStatement(full));
    },
  };
}

/** The size probe and the delete in one round trip, as a DO block (needs USAGE on plpgsql, which PUBLIC has by default). */
function sizeProbeDoBlock(): ResetStrategy {
  return {
    label: 'size probe and delete in one DO block',
    async reset(prisma) {
      const schema = prisma.config.schema; // a worker schema name: test_<k>, safe to inline
      await prisma.$executeRawUnsafe(`DO $reset$
        DECLARE deletes text[];
        BEGIN
          SELECT array_agg(format('DELETE FROM %I.%I', n.nspname, c.relname)) INTO deletes
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = '${schema}' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' AND pg_relation_size(c.oid) > 0;
          IF deletes IS NOT NULL THEN
            EXECUTE coalesce('WITH ' || (SELECT string_agg(format('d%s AS (%s)', i, d), ', ')
              FROM unnest(deletes[2:]) WITH ORDINALITY AS x(d, i)) || ' ', '') || deletes[1];
          END IF;
        END $reset$`);
    },
  };
}

export function resetStrategies(): ResetStrategy[] {
  return [
    oldChildFirst(),
    everyTableOneStatement(),
    existsProbe(),
    sizeProbeDoBlock(),
    { label: 'now: size probe, then one statement (resetWorkerSchema)', reset: resetWorkerSchema },
  ];
}
