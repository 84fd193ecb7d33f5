/**
 * The preview features Prisma 6.19 accepts in a generator's `previewFeatures`
 * (its schema validator lists exactly these in "Expected one of"). A component
 * asks for one in its `component.meta.ts` (`prismaPreviewFeatures`), and the
 * build enables the union in the generated prisma/schema/main.prisma.
 * build/database-schema/prisma-preview-features.spec.ts fails when the
 * installed Prisma knows a different set: update the list with the version.
 */
export const PRISMA_PREVIEW_FEATURES = [
  'fullTextSearchPostgres',
  'metrics',
  'nativeDistinct',
  'postgresqlExtensions',
  'relationJoins',
  'schemaEngineDriverAdapters',
  'shardKeys',
  'strictUndefinedChecks',
  'views',
] as const;

export type PrismaPreviewFeature = (typeof PRISMA_PREVIEW_FEATURES)[number];

/** The Prisma version {@link PRISMA_PREVIEW_FEATURES} was read from, for messages. */
export const PRISMA_PREVIEW_FEATURES_VERSION = '6.19';

export function isPrismaPreviewFeature(name: unknown): name is PrismaPreviewFeature {
  return typeof name === 'string' && (PRISMA_PREVIEW_FEATURES as readonly string[]).includes(name);
}
