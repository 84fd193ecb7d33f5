// Example data for a new database: `npm start` runs it once on a brand-new
// embedded database, `npx prisma db seed` on demand. Fixed keys make every
// write an upsert, so running it again creates nothing new.
import type { ComponentSeed } from '../../../surface/data';

// The example posts' authors are placeholder accounts: no password, so nobody
// can sign in as them (and so this seed is safe in any environment). The
// accounts component's own seed adds an account you can sign in with, in
// development only.
const AUTHORS = [
  { id: '0b7d6c1e-2f4a-4c3b-8e9d-00000000a001', displayName: 'Ada Lovelace', email: 'ada.lovelace@placeholder.invalid' },
  { id: '0b7d6c1e-2f4a-4c3b-8e9d-00000000a002', displayName: 'Grace Hopper', email: 'grace.hopper@placeholder.invalid' },
] as const;

const POSTS = [
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000001',
    authorId: AUTHORS[0].id,
    status: 'PUBLISHED',
    title: 'Welcome to the demo',
    content: 'This post comes from src/components/demo/prisma/seed.ts. Sign in to add your own, and delete the ones you wrote.',
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000002',
    authorId: AUTHORS[1].id,
    status: 'PUBLISHED',
    title: 'One schema per component',
    content: 'Each component keeps its models in prisma/schema.prisma; the build collects them into one Prisma Client.',
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000003',
    authorId: AUTHORS[0].id,
    status: 'DRAFT',
    title: 'A draft, not yet published',
    content: null,
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000004',
    authorId: AUTHORS[1].id,
    status: 'ARCHIVED',
    title: 'An archived post',
    content: 'Archived posts stay listed with their status.',
  },
] as const;

const seed: ComponentSeed<'demo'> = async (db) => {
  const ids = new Map<string, string>();
  for (const author of AUTHORS) {
    // An account that already has that email keeps its own id; the posts then use it.
    const { id } = await db.accountsUser.upsert({
      where: { email: author.email },
      create: { ...author, passwordHash: null },
      update: {},
      select: { id: true },
    });
    ids.set(author.id, id);
  }
  for (const { authorId, ...post } of POSTS) {
    await db.demoPost.upsert({ where: { id: post.id }, create: { ...post, authorId: ids.get(authorId)! }, update: {} });
  }
};

export default seed;
