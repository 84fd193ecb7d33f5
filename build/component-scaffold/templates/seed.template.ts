import { createHash } from 'node:crypto';
import type { ComponentNames } from '../component-names';

/** A fixed UUID per component and item, so the seeds of two scaffolded components never share ids. */
function seedId(id: string, index: number): string {
  const hex = createHash('sha256').update(`${id}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** prisma/seed.ts: example rows for a new database, idempotent (upsert by a fixed id). */
export function seedTemplate(n: ComponentNames): string {
  return `// Example data for a new database: \`npm start\` runs it once on a brand-new
// embedded database, \`npx prisma db seed\` on demand. Fixed ids make every
// write an upsert, so running it again creates nothing new.
import type { ComponentSeed } from '../../../surface/data';

const ITEMS = [
  {
    id: '${seedId(n.id, 1)}',
    name: 'A first item',
    notes: 'This item comes from src/components/${n.id}/prisma/seed.ts. Add your own with the form.',
  },
  { id: '${seedId(n.id, 2)}', name: 'A second item', notes: null },
];

const seed: ComponentSeed<'${n.id}'> = async (db) => {
  for (const item of ITEMS) {
    await db.${n.delegate}.upsert({ where: { id: item.id }, create: item, update: {} });
  }
};

export default seed;
`;
}
