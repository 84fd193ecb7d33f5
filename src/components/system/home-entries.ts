import type { ComponentRegistry } from '../../surface';
import type { HomeEntry } from './ui/HomePage';

/** The navigation's entries except Home itself, with each component's description: the cards of the home page. */
export function homeEntries({ navigation, components }: ComponentRegistry): HomeEntry[] {
  const descriptions = new Map(components.map((component) => [component.id, component.description]));
  return navigation
    .filter((entry) => entry.path !== '/')
    .map((entry) => ({ id: entry.componentId, label: entry.label, path: entry.path, description: descriptions.get(entry.componentId) }));
}
