import type { ReactNode } from 'react';

export interface CardProps {
  /** Unique on the page: the heading's id is `<id>-title`, and the card is labelled by it. */
  id: string;
  title: string;
  /** 2 for cards directly under the page heading, 3 under a section's `h2`. */
  headingLevel?: 2 | 3;
  /** Shown beside the title, e.g. a status badge. */
  badge?: ReactNode;
  /** A line under the title: author, date. */
  meta?: ReactNode;
  /** Buttons or links at the bottom of the card. */
  actions?: ReactNode;
  children?: ReactNode;
  /** `article` for an item of a list (the default); `section` for a panel, e.g. around a form. */
  as?: 'article' | 'section';
}

/** One item of a list, or a panel holding a form. */
export function Card({ id, title, headingLevel = 2, badge, meta, actions, children, as: Element = 'article' }: CardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <Element className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <Heading id={`${id}-title`} className="card-title">
          {title}
        </Heading>
        {badge}
      </div>
      {meta ? <div className="card-meta">{meta}</div> : null}
      {children}
      {actions ? <div className="card-actions">{actions}</div> : null}
    </Element>
  );
}
