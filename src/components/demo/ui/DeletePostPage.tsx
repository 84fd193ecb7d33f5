import { ConfirmationPage } from '../../../surface';

export interface DeletePostPageProps {
  id: string;
  title: string;
}

/** The confirmation step before a post is deleted. */
export function DeletePostPage({ id, title }: DeletePostPageProps) {
  return (
    <ConfirmationPage
      title={`Delete “${title}”?`}
      message={<p>The post and its content are removed for good. This cannot be undone.</p>}
      action={`/demo/posts/${id}/delete`}
      confirmLabel="Delete post"
      cancelHref="/demo/posts"
    />
  );
}
