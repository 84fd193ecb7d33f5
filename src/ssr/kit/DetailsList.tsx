import type { ReactNode } from 'react';

export interface DetailsListProps {
  /** In reading order; each term once (it is the item's key). */
  items: { term: string; details: ReactNode }[];
}

/**
 * Facts about one thing, each a label and its value (a `<dl>`): the kit's
 * spacing instead of the browser's indents, the label above its value on a
 * phone and beside it on wider screens.
 */
export function DetailsList({ items }: DetailsListProps) {
  return (
    <dl className="details-list">
      {items.map(({ term, details }) => (
        <div key={term} className="details-list-item">
          <dt>{term}</dt>
          <dd>{details}</dd>
        </div>
      ))}
    </dl>
  );
}
