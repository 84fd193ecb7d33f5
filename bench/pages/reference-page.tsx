/**
 * The page both reference servers render: the same document as the app's
 * `/demo/posts` shows a signed-out reader, in shape and weight (head, header
 * with navigation and the sign-in links, a heading, the prompt to sign in,
 * one card per post with title, status, author, date and body, and the
 * pager). Signed out there is no add-post form and no Delete link. Dates
 * come formatted, so each server formats them its own way.
 */
export interface ReferencePost {
  id: string;
  title: string;
  content: string | null;
  status: string;
  authorName: string;
  dateIso: string;
  dateText: string;
}

export interface ReferencePageProps {
  posts: ReferencePost[];
  page: number;
  totalPages: number;
  size: number;
}

const NAVIGATION = [
  { path: '/', label: 'Home' },
  { path: '/demo', label: 'Demo' },
];

const excerpt = (text: string) => (text.length <= 200 ? text : `${text.slice(0, 200).trimEnd()}…`);

function PostCard({ post }: { post: ReferencePost }) {
  return (
    <article className="card" aria-labelledby={`post-${post.id}-title`}>
      <div className="card-header">
        <h3 id={`post-${post.id}-title`} className="card-title">
          {post.title}
        </h3>
        <span className={`status-badge status-${post.status.toLowerCase()}`}>{post.status}</span>
      </div>
      <div className="card-meta">
        by {post.authorName} · <time dateTime={post.dateIso}>{post.dateText}</time>
      </div>
      {post.content ? <p className="post-content">{excerpt(post.content)}</p> : null}
    </article>
  );
}

/** The sign-in page's address, coming back to `path` afterwards. */
const signInHref = (path: string) => `/accounts/sign-in?returnTo=${encodeURIComponent(path)}`;

export function ReferencePage({ posts, page, totalPages, size }: ReferencePageProps) {
  const sizeQuery = size === 20 ? '' : `&size=${size}`;
  const here = `/demo/posts${page > 1 || sizeQuery ? `?page=${page}${sizeQuery}` : ''}`;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Posts · Component Platform</title>
        <link rel="stylesheet" href="/assets/layout.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="site">
          <header className="site-header">
            <a className="site-name" href="/">
              Component Platform
            </a>
            <nav className="site-nav" aria-label="Main">
              <ul>
                {NAVIGATION.map((entry) => (
                  <li key={entry.path}>
                    <a href={entry.path} aria-current={entry.path === '/demo' ? 'page' : undefined}>
                      {entry.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="site-account">
              <a href={signInHref(here)}>Sign in</a>
              <a href="/accounts/sign-up">Create an account</a>
            </div>
          </header>
          <main id="main" className="site-main" tabIndex={-1}>
            <div className="page-header">
              <h1>Posts</h1>
              <p className="lead">Every page is rendered on the server.</p>
            </div>
            <p className="sign-in-prompt">
              <a href={signInHref('/demo/posts')}>Sign in</a> to add a post or delete your own.
            </p>
            <section aria-labelledby="posts-heading" className="post-list">
              <h2 id="posts-heading">Latest posts</h2>
              {posts.map((post) => (
                <PostCard key={post.id} post={post} />
              ))}
            </section>
            {totalPages > 1 ? (
              <nav className="pagination" aria-label="Pages of posts">
                {page > 1 ? (
                  <a href={`/demo/posts?page=${page - 1}${sizeQuery}`} rel="prev">
                    Newer posts
                  </a>
                ) : null}
                <span>
                  Page {page} of {totalPages}
                </span>
                {page < totalPages ? (
                  <a href={`/demo/posts?page=${page + 1}${sizeQuery}`} rel="next">
                    Older posts
                  </a>
                ) : null}
              </nav>
            ) : null}
          </main>
        </div>
      </body>
    </html>
  );
}

/** `?page=` and `?size=` as both references read them: digits only, size 1 … 100, else the defaults. */
export function pageQuery(search: URLSearchParams): { page: number; size: number } {
  const number = (raw: string | null, fallback: number, max: number) =>
    raw !== null && /^\d+$/.test(raw) ? Math.max(1, Math.min(Number(raw), max)) : fallback;
  return { page: number(search.get('page'), 1, Number.MAX_SAFE_INTEGER), size: number(search.get('size'), 20, 100) };
}
