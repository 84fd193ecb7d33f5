import type { Prisma } from '@prisma/client';

/**
 * Who sees a post, as a Prisma filter: nobody once its author's account is
 * deleted; a draft only its author (`viewerId`; null when signed out). A
 * post's page reads with it; the list's fast-path query
 * (DemoComponentService.visiblePosts) states the same rule in Kysely, and
 * test/post-list-equivalence.spec.ts holds the list to the rows this filter
 * gives through Prisma.
 */
export function visibleTo(viewerId: string | null): Prisma.DemoPostWhereInput {
  const drafts =
    viewerId === null ? { status: { not: 'DRAFT' as const } } : { OR: [{ status: { not: 'DRAFT' as const } }, { authorId: viewerId }] };
  return { authorDeletedAt: null, ...drafts };
}
