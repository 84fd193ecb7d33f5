// docs/component-map.md as the components are now: shared by the build
// (component-discovery-plugin.ts writes it) and `npm run db:check` (compares it).
import { join } from 'node:path';
import { collectComponents, type CollectedComponents } from '../component-discovery/collect-components';
import { renderComponentMap } from './render-component-map';

/** Where the map lives, relative to the project root. */
export const COMPONENT_MAP_FILE = join('docs', 'component-map.md');

/** The map of what discovery collected; none while a component has an error (the build reports it). */
export function componentMapOf(collected: Pick<CollectedComponents, 'components' | 'errors'>): { content?: string; errors: string[] } {
  if (collected.errors.length > 0) return { errors: collected.errors };
  return { content: renderComponentMap(collected.components), errors: [] };
}

export function renderCurrentComponentMap(projectRoot: string): { content?: string; errors: string[] } {
  return componentMapOf(collectComponents({ projectRoot, componentsDir: join(projectRoot, 'src', 'components') }));
}
