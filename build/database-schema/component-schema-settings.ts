// What the schema build reads from a component's metadata besides dependsOn.
import { isPrismaPreviewFeature, PrismaPreviewFeature } from '../../src/platform/prisma-preview-features';

export interface ComponentSchemaSettings {
  /** `prismaPreviewFeatures`: enabled in main.prisma for the whole client. */
  previewFeatures: readonly PrismaPreviewFeature[];
  /** `modelNamePrefix`: false silences the warning about unprefixed names. */
  modelNamePrefix: boolean;
}

export const DEFAULT_SCHEMA_SETTINGS: ComponentSchemaSettings = { previewFeatures: [], modelNamePrefix: true };

/**
 * The settings of a metadata object as read, valid or not: discovery reports
 * invalid values, and the schema build must not pass an unknown feature name
 * on to Prisma (a second, less helpful error for the same mistake).
 */
export function schemaSettingsOf(meta: unknown): ComponentSchemaSettings {
  const fields = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  const features = Array.isArray(fields.prismaPreviewFeatures) ? fields.prismaPreviewFeatures.filter(isPrismaPreviewFeature) : [];
  return { previewFeatures: [...new Set(features)], modelNamePrefix: fields.modelNamePrefix !== false };
}
