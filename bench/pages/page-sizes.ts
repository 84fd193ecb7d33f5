/**
 * The pages measured, per page size: the app's address and the references'.
 * The app lists 20 posts per page at `/demo/posts`; how it shows 50 on one
 * page is the app's to decide, so its address is this one constant.
 */
export const APP_PAGE_OF_50_PATH = '/demo/posts?size=50';

export interface PageSize {
  pageSize: number;
  appPath: string;
  /** Both references read `?page=` and `?size=`. */
  referencePath: string;
}

export const PAGE_SIZES: readonly PageSize[] = [
  { pageSize: 20, appPath: '/demo/posts', referencePath: '/demo/posts' },
  { pageSize: 50, appPath: APP_PAGE_OF_50_PATH, referencePath: '/demo/posts?size=50' },
];

/** Enough for 50 full pages of 20; page 1 is always full. */
export const POST_COUNT = 1000;
export const AUTHOR_COUNT = 40;
