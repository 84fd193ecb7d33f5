// For scripts run with tsx (npx prisma db seed, npm run dev): the seeds as the
// component folders are now. Discovery regenerates the list first, so a seed
// added since the last build is included.
import { join } from 'node:path';
import type { ComponentSeedEntry } from '../../src/database/runtime/component-seed';
import { ComponentDiscoveryPlugin } from '../component-discovery-plugin';

export function loadComponentSeeds(projectRoot = process.cwd()): ComponentSeedEntry[] {
  const { errors } = new ComponentDiscoveryPlugin({ projectRoot }).run();
  if (errors.length > 0) throw new Error(`cannot seed: the components are invalid:\n${errors.join('\n')}`);
  // A generated file, loaded at run time: it does not exist before the first discovery.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require(join(projectRoot, 'src', 'generated', 'component-seeds')) as { componentSeeds: ComponentSeedEntry[] };
  return generated.componentSeeds;
}
