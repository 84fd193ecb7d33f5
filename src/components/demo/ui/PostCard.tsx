import { CsrfField } from '../../../ssr/CsrfField';
import type { DisplayDate } from '../../../ssr/display-date';
import type { DemoPostStatus } from '../component.types';
import { truncate } from './format';

export interface PostCardProps {
  id: string;
  title: string;
  content: string | null;
  authorName: string;
  status: DemoPostStatus;
  createdAt: DisplayDate;
}

export function PostCard({ id, title, content, authorName, status, createdAt }: PostCardProps) {
  return (
    <article className="post-card" aria-labelledby={`post-${id}-title`}>
      <header className="post-card-header">
        <h3 id={`post-${id}-title`}>{title}</h3>
        <span className={`status-badge status-${status.toLowerCase()}`}>{status}</span>
      </header>
      <p className="post-meta">
        by {authorName} · <time dateTime={createdAt.iso}>{createdAt.text}</time>
      </p>
      {content ? <p className="post-content">{truncate(content)}</p> : null}
      <form method="post" action={`/demo/posts/${id}/delete`} className="post-delete">
        <CsrfField />
        <button type="submit" aria-label={`Delete “${title}”`}>
          Delete
        </button>
      </form>
    </article>
  );
}
