// Child process of the discovery bench: one discovery + schema collection +
// checks of the project at argv[2], timed from inside (module loading counts).
// Prints one JSON line.
import { join } from 'node:path';

export interface DiscoveryTiming {
  discoveryMs: number;
  checksMs: number;
  errors: number;
  metaEvaluated: number;
}

async function measure(root: string): Promise<void> {
  const started = performance.now();
  const { collectComponents } = await import('../../build/component-discovery/collect-components');
  const { DiscoveryCache } = await import('../../build/component-discovery/discovery-cache');
  const { collectSchemas } = await import('../../build/database-schema/collect-schemas');
  const { SchemaFactsCache } = await import('../../build/database-schema/schema-facts-cache');
  const componentsDir = join(root, 'src', 'components');
  const cache = DiscoveryCache.forProject(root);
  const components = collectComponents({ projectRoot: root, componentsDir, cache });
  const discovered = performance.now();
  const schemas = collectSchemas({
    projectRoot: root,
    componentsDir,
    dependencies: components.dependencies,
    settings: components.schemaSettings,
    cache: SchemaFactsCache.forProject(root),
    // As the build: the folders discovery listed, one scan.
    folders: components.folders,
  });
  const checked = performance.now();
  const timing: DiscoveryTiming = {
    discoveryMs: discovered - started,
    checksMs: checked - discovered,
    errors: components.errors.length + schemas.errors.length,
    metaEvaluated: cache.misses.meta,
  };
  process.stdout.write(JSON.stringify(timing));
}

void measure(process.argv[2]);
