import { PageHeader } from '../../../surface';
import type { PostFormErrors, PostFormValues } from '../post-form';
import stylesheet from './demo.css';
import { PostCard, PostCardProps } from './PostCard';
import { PostForm } from './PostForm';

export interface ListPaging {
  page: number;
  totalPages: number;
  pageSize: number;
  /** The sizes a reader may pick; the first is the default, left out of links. */
  pageSizes: readonly number[];
}

export interface PostListPageProps {
  posts: PostCardProps[];
  paging: ListPaging;
  /** The add-post form, for a signed-in reader; null when signed out. */
  form: { values: PostFormValues; errors: PostFormErrors } | null;
  /** Where a signed-out reader signs in (and comes back here). */
  signInHref: string;
}

/** The list's address for a page and size, with the defaults left out. */
export function listHref(page: number, size: number, defaultSize: number): string {
  const query = [page > 1 ? `page=${page}` : '', size !== defaultSize ? `size=${size}` : ''].filter(Boolean).join('&');
  return query ? `/demo/posts?${query}` : '/demo/posts';
}

export function PostListPage({ posts, paging, form, signInHref }: PostListPageProps) {
  const { page, totalPages, pageSize, pageSizes } = paging;
  const href = (to: number, size = pageSize) => listHref(to, size, pageSizes[0]);
  return (
    <div className="demo-posts">
      <link rel="stylesheet" href={stylesheet} precedence="component" />
      <PageHeader title="Posts" lead="Write a post, see it in the list, delete it. Every page is rendered on the server." />
      {form ? (
        <PostForm values={form.values} errors={form.errors} />
      ) : (
        <p className="sign-in-prompt">
          <a href={signInHref}>Sign in</a> to add a post or delete your own.
        </p>
      )}
      <section aria-labelledby="posts-heading" className="post-list">
        <h2 id="posts-heading">Latest posts</h2>
        {posts.length === 0 ? (
          <p className="empty-state">
            {form ? 'No posts yet. Add your first post above!' : 'No posts yet. Sign in to write the first one.'}
          </p>
        ) : (
          posts.map((post) => <PostCard key={post.id} {...post} />)
        )}
      </section>
      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages of posts">
          {page > 1 ? (
            <a href={href(page - 1)} rel="prev">
              Newer posts
            </a>
          ) : null}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages ? (
            <a href={href(page + 1)} rel="next">
              Older posts
            </a>
          ) : null}
        </nav>
      ) : null}
      {totalPages > 1 || pageSize !== pageSizes[0] ? (
        <p className="page-size">
          Posts per page:{' '}
          {pageSizes.map((size, i) => (
            <span key={size}>
              {i > 0 ? ' · ' : null}
              {size === pageSize ? <strong aria-current="true">{size}</strong> : <a href={href(1, size)}>{size}</a>}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
