// Data: a component's scoped client, its seed, and reading database failures.
//
//     constructor(prisma: PrismaService) { this.db = prisma.forComponent('notes'); }
export type { ComponentClient, ComponentData } from '../database/runtime/component-client';
export type { ComponentSeed } from '../database/runtime/component-seed';
export { PrismaService } from '../database/runtime/prisma.service';
export { uniqueViolationFields } from '../database/runtime/unique-violation';
