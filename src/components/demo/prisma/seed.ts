// Example data for a new database: `npm start` runs it once on a brand-new
// embedded database, `npx prisma db seed` on demand. Fixed ids make every
// write an upsert, so running it again creates nothing new.
import type { ComponentSeed } from '../../../database/runtime/component-seed';

// Authors are found by name, as the post form finds them.
const AUTHORS = [
  { name: 'Ada Lovelace', email: 'ada@demo.invalid' },
  { name: 'Grace Hopper', email: 'grace@demo.invalid' },
] as const;

const POSTS = [
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000001',
    author: AUTHORS[0].name,
    status: 'PUBLISHED',
    title: 'Welcome to the demo',
    content: 'This post comes from src/components/demo/prisma/seed.ts. Edit it, delete it, or add your own.',
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000002',
    author: AUTHORS[1].name,
    status: 'PUBLISHED',
    title: 'One schema per component',
    content: 'Each component keeps its models in prisma/schema.prisma; the build collects them into one Prisma Client.',
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000003',
    author: AUTHORS[0].name,
    status: 'DRAFT',
    title: 'A draft, not yet published',
    content: null,
  },
  {
    id: '0b7d6c1e-2f4a-4c3b-8e9d-000000000004',
    author: AUTHORS[1].name,
    status: 'ARCHIVED',
    title: 'An archived post',
    content: 'Archived posts stay listed with their status.',
  },
] as const;

const seed: ComponentSeed<'demo'> = async (db) => {
  const authorIds = new Map<string, string>();
  for (const author of AUTHORS) {
    const { id } = await db.demoUser.upsert({ where: { name: author.name }, create: author, update: {}, select: { id: true } });
    authorIds.set(author.name, id);
  }
  for (const { author, ...post } of POSTS) {
    await db.demoPost.upsert({ where: { id: post.id }, create: { ...post, authorId: authorIds.get(author)! }, update: {} });
  }
};

export default seed;
