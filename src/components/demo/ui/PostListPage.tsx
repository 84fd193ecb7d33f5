import { PageHeader } from '../../../ssr/kit';
import type { PostFormErrors, PostFormValues } from '../post-form';
import stylesheet from './demo.css';
import { PostCard, PostCardProps } from './PostCard';
import { PostForm } from './PostForm';

export interface PostListPageProps {
  posts: PostCardProps[];
  page: number;
  totalPages: number;
  form: { values: PostFormValues; errors: PostFormErrors };
}

export function PostListPage({ posts, page, totalPages, form }: PostListPageProps) {
  return (
    <div className="demo-posts">
      <link rel="stylesheet" href={stylesheet} precedence="component" />
      <PageHeader title="Posts" lead="Write a post, see it in the list, delete it. Every page is rendered on the server." />
      <PostForm values={form.values} errors={form.errors} />
      <section aria-labelledby="posts-heading" className="post-list">
        <h2 id="posts-heading">Latest posts</h2>
        {posts.length === 0 ? (
          <p className="empty-state">No posts yet. Add your first post above!</p>
        ) : (
          posts.map((post) => <PostCard key={post.id} {...post} />)
        )}
      </section>
      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages of posts">
          {page > 1 ? (
            <a href={`/demo/posts?page=${page - 1}`} rel="prev">
              Newer posts
            </a>
          ) : null}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages ? (
            <a href={`/demo/posts?page=${page + 1}`} rel="next">
              Older posts
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
