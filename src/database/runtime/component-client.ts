import type { Prisma, PrismaClient } from '@prisma/client';
import type { ComponentDependencies, ComponentModelDelegates } from '../../generated/component-models';

/** Every component id, as discovered by the build. */
export type ComponentId = keyof ComponentModelDelegates;

/** The delegate names (`demoPost`) a component may use: its own models and those of the components it depends on. */
export type VisibleDelegates<Id extends ComponentId> = ComponentModelDelegates[Id | ComponentDependencies[Id]];

/** A client type cut down to `Keys`; see {@link ComponentClient}. */
export type ScopedModels<Client, Keys extends keyof Client> = Pick<Client, Keys>;

/** What a component's code sees inside a transaction (and in its seed). */
export type ComponentData<Id extends ComponentId> = ScopedModels<Prisma.TransactionClient, VisibleDelegates<Id>>;

/**
 * The Prisma Client as one component should see it: its own models and those
 * of the components its `dependsOn` lists, plus transactions over them. Using
 * another component's model is a compile error. It is the same client object
 * (no cost); raw SQL and the full `PrismaService` stay available as explicit
 * escape hatches. See docs/guides/database.md.
 */
export type ComponentClient<Id extends ComponentId> = ComponentData<Id> & {
  $transaction<R>(fn: (db: ComponentData<Id>) => Promise<R>, options?: Parameters<PrismaClient['$transaction']>[1]): Promise<R>;
  $transaction<P extends Prisma.PrismaPromise<unknown>[]>(
    queries: [...P],
    options?: { isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<{ [K in keyof P]: Awaited<P[K]> }>;
};
