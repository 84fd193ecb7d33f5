import type { ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's one `h1`; usually the same words as the document title. */
  title: string;
  /** A short line above the heading: the section, or an error's status ("Error 404"). */
  caption?: string;
  /** One or two sentences under the heading saying what the page is for. */
  lead?: ReactNode;
  /** The heading's id, for a section labelled by it. */
  headingId?: string;
}

/** The top of every page: the same heading size and spacing everywhere. */
export function PageHeader({ title, caption, lead, headingId }: PageHeaderProps) {
  return (
    <header className="page-header">
      {caption ? <p className="page-caption">{caption}</p> : null}
      <h1 id={headingId}>{title}</h1>
      {lead ? <p className="page-lead">{lead}</p> : null}
    </header>
  );
}
