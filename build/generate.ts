// `npm run generate`: the build's code generation without a webpack build
// (for type-checking, editors and tests): component registry and module,
// collected Prisma schema and client. Each step is a no-op when unchanged.
import { ComponentDiscoveryPlugin } from './component-discovery-plugin';
import { DatabaseSchemaPlugin } from './database-schema-plugin';

/** Runs every build-time generator; resolves with all problems found. */
export async function generate(
  logger: { info(message: string): void; warn?(message: string): void } = {
    info: (message) => console.log(message),
    warn: (message) => console.warn(`warning: ${message}`),
  },
): Promise<string[]> {
  const discovery = new ComponentDiscoveryPlugin();
  const errors = [...discovery.run().errors];
  const schemas = await new DatabaseSchemaPlugin({
    dependencies: () => discovery.lastDependencies,
    schemaSettings: () => discovery.lastSchemaSettings,
    // The folders discovery listed: one scan of src/components per build.
    folders: () => discovery.lastFolders,
  }).run(logger);
  for (const warning of schemas.warnings ?? []) logger.warn?.(warning);
  errors.push(...schemas.errors);
  return errors;
}

if (require.main === module) {
  void generate().then((errors) => {
    if (errors.length === 0) return;
    console.error(errors.join('\n'));
    process.exit(1);
  });
}
