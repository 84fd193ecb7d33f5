import { DemoPostStatus as DemoPostStatusEnum } from '@prisma/client';

/** The demo component's own types: what its service takes and returns. */

/** The statuses of the Prisma enum `DemoPostStatus`, in schema order: the one source of the list. */
export type DemoPostStatus = DemoPostStatusEnum;
export const DEMO_POST_STATUSES: readonly DemoPostStatus[] = Object.values(DemoPostStatusEnum);

/** What a reader sees for each status; a status added to the schema without a label does not compile. */
export const DEMO_POST_STATUS_LABELS: Readonly<Record<DemoPostStatus, string>> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export interface DemoPost {
  id: string;
  title: string;
  content: string | null;
  status: DemoPostStatus;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewDemoPost {
  title: string;
  content?: string | null;
  authorName: string;
  status?: DemoPostStatus;
}

export interface DemoPostChanges {
  title?: string;
  content?: string | null;
  status?: DemoPostStatus;
}

export interface DemoAuthor {
  id: string;
  name: string;
  email: string;
}

export interface DemoPostPage {
  posts: DemoPost[];
  total: number;
  /** The page shown: the one asked for, clamped to 1 … totalPages. */
  page: number;
  pageSize: number;
  /** At least 1, even with no posts. */
  totalPages: number;
}
