/**
 * The page both reference servers render: the same document as the app's
 * `/demo/posts` in shape and weight (head, header with navigation, a heading,
 * one card per post with title, status, author, date, body and a link, and
 * the pager), without the app's form. Dates come formatted, so each server
 * formats them its own way.
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
      <div className="card-actions">
        <a className="button button-secondary" href={`/demo/posts/${post.id}/delete`} aria-label={`Delete “${post.title}”`}>
          Delete
        </a>
      </div>
    </article>
  );
}

export function ReferencePage({ posts, page, totalPages, size }: ReferencePageProps) {
  const sizeQuery = size === 20 ? '' : `&size=${size}`;
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
          </header>
          <main id="main" className="site-main" tabIndex={-1}>
            <div className="page-header">
              <h1>Posts</h1>
              <p className="lead">Every page is rendered on the server.</p>
            </div>
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
