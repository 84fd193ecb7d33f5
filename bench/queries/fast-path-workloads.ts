/**
 * The candidates for the typed fast read path that `npm run bench:queries`
 * compares (docs/performance.md, "Choosing the fast read path"), each reading
 * what the app reads on its two hottest requests.
 */
export const FAST_PATHS = ['prisma', 'kysely', 'pg'] as const;
export type FastPathName = (typeof FAST_PATHS)[number];

export const FAST_PATH_LABELS: Record<FastPathName, string> = {
  prisma: 'Prisma 6.19 + plan cache: findMany/count, findUnique with the user',
  kysely: 'Kysely 0.28 over Prisma’s pool (the app’s `$kysely`)',
  pg: 'node-postgres, hand-written parameterised SQL',
};

/**
 * `list`: the demo page as a signed-out reader gets it (page 1: 20 visible
 * posts with their authors' names, and the count of visible posts).
 * `session`: a signed-in request's session check (the session and its
 * user), a different session every time.
 */
export const FAST_PATH_WORKLOADS = ['list', 'session'] as const;
export type FastPathWorkloadName = (typeof FAST_PATH_WORKLOADS)[number];

/** The demo's visibility rule for a signed-out reader, as the service writes it on both paths. */
const VISIBLE = `p."authorDeletedAt" IS NULL AND p.status <> $1::"DemoPostStatus"`;

export const VISIBLE_PAGE_SQL = `SELECT p.id, p.title, p.content, p.status, p."createdAt", p."authorId", a."displayName" AS "authorName"
FROM "DemoPost" p JOIN "AccountsUser" a ON a.id = p."authorId"
WHERE ${VISIBLE}
ORDER BY p."createdAt" DESC, p.id DESC LIMIT $2 OFFSET $3`;
export const VISIBLE_COUNT_SQL = `SELECT count(*)::int AS total FROM "DemoPost" p WHERE ${VISIBLE}`;
export const SESSION_SQL = `SELECT s.id, s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt", s."revokedAt", s."userId",
  u.email, u."displayName", u."deletedAt" AS "userDeletedAt"
FROM "AccountsSession" s JOIN "AccountsUser" u ON u.id = s."userId" WHERE s."tokenHash" = $1`;

/**
 * The tables the Kysely candidate reads, typed here rather than by the
 * generated `DB`, so the project still typechecks with the demo deleted
 * (as bench/demo-posts.ts does for Prisma). The columns match
 * src/generated/kysely/database.ts.
 */
export interface FastPathTables {
  DemoPost: {
    id: string;
    title: string;
    content: string | null;
    status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
    createdAt: Date;
    authorId: string;
    authorDeletedAt: Date | null;
  };
  AccountsUser: { id: string; email: string; displayName: string; deletedAt: Date | null };
  AccountsSession: {
    id: string;
    userId: string;
    tokenHash: Buffer;
    lastSeenAt: Date;
    idleExpiresAt: Date;
    absoluteExpiresAt: Date;
    revokedAt: Date | null;
  };
}
