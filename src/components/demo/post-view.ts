import { displayDate } from '../../surface';
import type { DemoPostListItem } from './component.types';
import type { PostCardProps } from './ui/PostCard';

/**
 * A post as its card shows it: only the fields the page needs, the date
 * already in the form it is shown, and whether the reader (`viewerId`, null
 * when signed out) wrote it and so may delete it.
 */
export function toPostCard(
  { id, title, content, authorId, authorName, status, createdAt }: DemoPostListItem,
  viewerId: string | null,
): PostCardProps {
  return { id, title, content, authorName, status, createdAt: displayDate(createdAt), canDelete: authorId === viewerId };
}
