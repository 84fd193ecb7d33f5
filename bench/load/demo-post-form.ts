import type { CsrfSession } from './csrf-session';

/** The path of the demo's post list, which is also where its add-post form posts to. */
export const POSTS_PATH = '/demo/posts';

/** A few authors shared by all connections, so first posts by a new author race each other, as they would in real use. */
const AUTHORS = 8;

/** The add-post form as a browser submits it (form-encoded), with the CSRF field unless `withToken` is false. */
export function demoPostBody(title: string, n: number, session: CsrfSession, { withToken = true } = {}): string {
  return new URLSearchParams({
    title,
    content: `Written by npm run load, request ${n}.`,
    authorName: `load-author-${n % AUTHORS}`,
    status: 'PUBLISHED',
    ...(withToken ? { [session.field]: session.token } : {}),
  }).toString();
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
