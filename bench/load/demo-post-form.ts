import type { SignedInSession } from './signed-in-session';

/** The path of the demo's post list, which is also where its add-post form posts to. */
export const POSTS_PATH = '/demo/posts';

/**
 * The add-post form as a browser submits it (form-encoded), with the CSRF
 * field unless `withToken` is false. The author is whoever `session` signs
 * in as: the form has no author field.
 */
export function demoPostBody(title: string, n: number, session: SignedInSession, { withToken = true } = {}): string {
  return new URLSearchParams({
    title,
    content: `Written by npm run load, request ${n}.`,
    status: 'PUBLISHED',
    ...(withToken ? { [session.field]: session.token } : {}),
  }).toString();
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
