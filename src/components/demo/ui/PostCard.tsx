import { ButtonLink, Card, type DisplayDate } from '../../../surface';
import type { DemoPostStatus } from '../component.types';
import { truncate } from './format';

export interface PostCardProps {
  id: string;
  title: string;
  content: string | null;
  authorName: string;
  status: DemoPostStatus;
  createdAt: DisplayDate;
  /** The reader wrote it: the card offers Delete. */
  canDelete: boolean;
}

/** One post in the list. Its author sees Delete, which leads to a confirmation page; nothing is deleted from here. */
export function PostCard({ id, title, content, authorName, status, createdAt, canDelete }: PostCardProps) {
  return (
    <Card
      id={`post-${id}`}
      title={title}
      headingLevel={3}
      badge={<span className={`status-badge status-${status.toLowerCase()}`}>{status}</span>}
      meta={
        <>
          by {authorName} · <time dateTime={createdAt.iso}>{createdAt.text}</time>
        </>
      }
      actions={
        canDelete ? (
          <ButtonLink href={`/demo/posts/${id}/delete`} variant="secondary" aria-label={`Delete “${title}”`}>
            Delete
          </ButtonLink>
        ) : undefined
      }
    >
      {content ? <p className="post-content">{truncate(content)}</p> : null}
    </Card>
  );
}
