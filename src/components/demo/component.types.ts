/** The demo component's own types: what its service takes and returns. */
export const DEMO_POST_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type DemoPostStatus = (typeof DEMO_POST_STATUSES)[number];

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
  page: number;
  pageSize: number;
}
