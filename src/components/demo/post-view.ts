import { displayDate } from '../../ssr/display-date';
import type { DemoPostListItem } from './component.types';
import type { PostCardProps } from './ui/PostCard';

/** A post as its card shows it: only the fields the page needs, the date already in the form it is shown. */
export function toPostCard({ id, title, content, authorName, status, createdAt }: DemoPostListItem): PostCardProps {
  return { id, title, content, authorName, status, createdAt: displayDate(createdAt) };
}
