import type { Prisma, PrismaClient } from '@prisma/client';
import type { Kysely } from 'kysely';
import type { ComponentDependencies, ComponentModelDelegates, ComponentTables } from '../../generated/component-models';
import type { DB } from '../../generated/kysely/database';

/** Every component id, as discovered by the build. */
export type ComponentId = keyof ComponentModelDelegates;

/** The delegate names (`demoPost`) a component may use: its own models and those of the components it depends on. */
export type VisibleDelegates<Id extends ComponentId> = ComponentModelDelegates[Id | ComponentDependencies[Id]];

/** The tables a component may query on the fast path: its own and those of the components its `dependsOn` lists. */
export type VisibleTables<Id extends ComponentId> = ComponentTables[Id | ComponentDependencies[Id]] & keyof DB;

/**
 * The fast typed path for one component: a Kysely query builder over the
 * same pool as Prisma, typed by the collected schema (prisma-kysely's
 * src/generated/kysely/database.ts) and cut down like `ComponentClient`: a
 * table of a component not in `dependsOn` is a compile error. Every value
 * travels as a parameter. It does not join a Prisma interactive
 * transaction: see docs/guides/database.md, "The fast path".
 */
export type ComponentSql<Id extends ComponentId> = Kysely<Pick<DB, VisibleTables<Id>>>;

/** A client type cut down to `Keys`; see {@link ComponentClient}. */
export type ScopedModels<Client, Keys extends keyof Client> = Pick<Client, Keys>;

/** What a component's code sees inside a transaction (and in its seed). */
export type ComponentData<Id extends ComponentId> = ScopedModels<Prisma.TransactionClient, VisibleDelegates<Id>>;

/**
 * The Prisma Client as one component should see it: its own models and those
 * of the components its `dependsOn` lists, plus transactions over them. Using
 * another component's model is a compile error. It is the same client object
 * (no cost); `$kysely` is the fast typed path for hot reads. Raw SQL and the
 * full `PrismaService` stay available as explicit escape hatches. See docs/guides/database.md.
 */
export type ComponentClient<Id extends ComponentId> = ComponentData<Id> & {
  /** The fast typed path (Kysely) over the same pool, cut down to the same tables; see {@link ComponentSql}. */
  readonly $kysely: ComponentSql<Id>;
  $transaction<R>(fn: (db: ComponentData<Id>) => Promise<R>, options?: Parameters<PrismaClient['$transaction']>[1]): Promise<R>;
  $transaction<P extends Prisma.PrismaPromise<unknown>[]>(
    queries: [...P],
    options?: { isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<{ [K in keyof P]: Awaited<P[K]> }>;
};
