import type { ComponentNames } from '../component-names';

/** prisma/schema.prisma: one model, prefixed with the component's PascalCase id. */
export function schemaTemplate(n: ComponentNames): string {
  return `/// An item of the ${n.id} component: a name and optional notes.
model ${n.model} {
  id        String   @id @default(uuid()) @db.Uuid
  name      String
  notes     String?
  createdAt DateTime @default(now())

  @@index([createdAt])
}
`;
}
