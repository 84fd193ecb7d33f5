// `npm run generate`: the build's code generation without a webpack build
// (for type-checking, editors and tests): component registry and module,
// collected Prisma schema and client. Each step is a no-op when unchanged.
import { ComponentDiscoveryPlugin } from './component-discovery-plugin';
import { DatabaseSchemaPlugin } from './database-schema-plugin';

/** Runs every build-time generator; resolves with all problems found. */
export async function generate(logger = { info: (message: string) => console.log(message) }): Promise<string[]> {
  const errors = [...new ComponentDiscoveryPlugin().run().errors];
  errors.push(...(await new DatabaseSchemaPlugin().run(logger)).errors);
  return errors;
}

if (require.main === module) {
  void generate().then((errors) => {
    if (errors.length === 0) return;
    console.error(errors.join('\n'));
    process.exit(1);
  });
}
