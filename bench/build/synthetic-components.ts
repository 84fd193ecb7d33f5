import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `count` components as an author would: metadata, a module and a
 * schema with two models and an enum; every component but the first relates
 * to the first one's model and declares dependsOn, so every check has work.
 */
export function writeSyntheticComponents(componentsDir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const id = `c${String(i).padStart(4, '0')}`;
    const prefix = id.charAt(0).toUpperCase() + id.slice(1);
    const dir = join(componentsDir, id);
    mkdirSync(join(dir, 'prisma'), { recursive: true });
    const dependsOn = i === 0 ? '' : ", dependsOn: ['c0000']";
    writeFileSync(
      join(dir, 'component.meta.ts'),
      `import { defineComponent } from '../../surface';\n\nexport default defineComponent({ id: '${id}', title: '${id}', routes: [{ path: '/${id}', isPrimary: true }], nav: { label: '${id}' }${dependsOn} });\n`,
    );
    writeFileSync(
      join(dir, 'component.module.ts'),
      `import { Module } from '@nestjs/common';\n\n@Module({})\nexport class ${prefix}Module {}\n`,
    );
    const owner = i === 0 ? '' : `\n  ownerId String   @db.Uuid\n  owner   C0000Item @relation(fields: [ownerId], references: [id])`;
    writeFileSync(
      join(dir, 'prisma', 'schema.prisma'),
      `model ${prefix}Item {
  id        String   @id @default(uuid()) @db.Uuid
  name      String   @unique
  status    ${prefix}Status @default(OPEN)
  createdAt DateTime @default(now())
  entries   ${prefix}Entry[]${owner}

  @@index([createdAt])
}

model ${prefix}Entry {
  id     String   @id @default(uuid()) @db.Uuid
  itemId String   @db.Uuid
  item   ${prefix}Item @relation(fields: [itemId], references: [id], onDelete: Cascade)
  body   String?

  @@index([itemId])
}

enum ${prefix}Status {
  OPEN
  CLOSED
}
`,
    );
  }
}
