/**
 * The demo component's posts as the benches that measure its pages read
 * them through Prisma (bench:pages' plain peer, bench:queries). Typed here,
 * not by the generated client, so the project still builds, lints and
 * typechecks with the demo deleted (docs/testing.md, "Platform tests"); such
 * a bench then stops with the message below instead.
 */
export interface DemoPostRow {
  id: string;
  title: string;
  content: string | null;
  status: string;
  createdAt: Date;
  authorId: string;
  author: { displayName: string };
}

export interface DemoPostDelegate {
  findMany(args: object): Promise<DemoPostRow[]>;
  findUnique(args: object): Promise<DemoPostRow | null>;
  count(args?: object): Promise<number>;
}

/** The generated client's `demoPost`, or an error saying the bench needs the demo. */
export function demoPosts(prisma: object): DemoPostDelegate {
  const delegate = (prisma as { demoPost?: DemoPostDelegate }).demoPost;
  if (!delegate) {
    throw new Error(
      'this bench measures the demo component’s posts, but the generated Prisma Client has no DemoPost model: restore src/components/demo and its migrations (git checkout -- src/components/demo prisma/migrations), then run npm run generate',
    );
  }
  return delegate;
}
