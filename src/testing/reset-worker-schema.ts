import { PrismaService } from '../database/runtime/prisma.service';
import { isWorkerSchema } from './worker-schemas/worker-schema-name';

const deleteOrders = new Map<string, string[]>();

/**
 * Deletes every row of this worker's schema, children before parents, in one
 * transaction. Never touches `public` or anything but `test_<k>`.
 *
 * DELETE, not TRUNCATE: the runtime role the tests connect as may only
 * SELECT/INSERT/UPDATE/DELETE, and on small test tables DELETE is also the
 * faster of the two (TRUNCATE rewrites files; see docs/testing.md).
 */
export async function resetWorkerSchema(prisma: PrismaService): Promise<void> {
  const schema = prisma.config.schema;
  if (!isWorkerSchema(schema)) {
    throw new Error(
      `resetWorkerSchema refuses schema "${schema}": it only empties Jest worker schemas (test_<k>); is this running outside \`npm test\`?`,
    );
  }
  let order = deleteOrders.get(schema);
  if (!order) {
    order = await childFirstTables(prisma, schema);
    deleteOrders.set(schema, order);
  }
  await prisma.$transaction(order.map((table) => prisma.$executeRawUnsafe(`DELETE FROM "${schema}"."${table.replace(/"/g, '""')}"`)));
}

/** Tables of the schema ordered so that a table comes before every table it references. */
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

  const childrenOf = (table: string) => references.filter((ref) => ref.parent === table).map((ref) => ref.child);

  // Visit children before parents. Tables that reference each other cannot be
  // emptied one DELETE at a time (Prisma's foreign keys are not deferrable).
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) {
      throw new Error(
        `resetWorkerSchema cannot empty ${schema}: table "${table}" is part of a foreign-key cycle; give one of those relations onDelete: Cascade, or use unique values per test instead of resetting`,
      );
    }
    visiting.add(table);
    for (const child of childrenOf(table)) visit(child);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}
