import type { ComponentNames } from '../component-names';

/** item-view.ts: an item as the page shows it. */
export function viewTemplate(n: ComponentNames): string {
  return `import { displayDate } from '../../surface';
import type { ${n.model} } from './component.types';
import type { ListItem } from './ui/${n.pageComponent}';

/** An item as the list shows it: only what the page needs, the date already in the form it is shown. */
export function toListItem({ id, name, notes, createdAt }: ${n.model}): ListItem {
  return { id, name, notes, createdAt: displayDate(createdAt) };
}
`;
}
