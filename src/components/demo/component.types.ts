import type { $Enums } from '@prisma/client';

/** The demo component's own types: what its service takes and returns. */

/** The Prisma enum `DemoPostStatus` (a type only: pages that use these constants do not load Prisma). */
export type DemoPostStatus = $Enums.DemoPostStatus;

/**
 * What a reader sees for each status, in the order the form offers them.
 * Typed by the Prisma enum: a status added to or removed from the schema
 * without changing this list does not compile, so the list below follows it.
 */
export const DEMO_POST_STATUS_LABELS: Readonly<Record<DemoPostStatus, string>> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export const DEMO_POST_STATUSES = Object.keys(DEMO_POST_STATUS_LABELS) as DemoPostStatus[];

export interface DemoPost {
  id: string;
  title: string;
  content: string | null;
  status: DemoPostStatus;
  /** The author's account: only they may delete the post. */
  authorId: string;
  /** The author's display name, from their account. */
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A post as the list shows it. */
export type DemoPostListItem = Omit<DemoPost, 'updatedAt'>;

/** A post as the form gives it; its author is the signed-in account, not a field. */
export interface NewDemoPost {
  title: string;
  content?: string | null;
  status?: DemoPostStatus;
}

export interface DemoPostChanges {
  title?: string;
  content?: string | null;
  status?: DemoPostStatus;
}

export interface DemoPostPage {
  posts: DemoPostListItem[];
  total: number;
  /** The page shown: the one asked for, clamped to 1 … totalPages. */
  page: number;
  pageSize: number;
  /** At least 1, even with no posts. */
  totalPages: number;
}
