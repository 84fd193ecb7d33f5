/** A component's prisma/seed.ts failed; its transaction was rolled back. */
export class ComponentSeedError extends Error {
  override readonly name = 'ComponentSeedError';
}
