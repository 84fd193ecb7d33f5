import { CsrfField } from '../../../ssr/CsrfField';
import { DEMO_POST_STATUS_LABELS, DEMO_POST_STATUSES } from '../component.types';
import { POST_LIMITS, type PostFormErrors, type PostFormValues } from '../post-form';

export interface PostFormProps {
  values: PostFormValues;
  errors: PostFormErrors;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** Each field's error sits right under it and is announced with it (aria-describedby). */
export function PostForm({ values, errors }: PostFormProps) {
  const invalid = (field: keyof PostFormErrors) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {};
  return (
    <form method="post" action="/demo/posts" className="post-form" aria-labelledby="post-form-heading" noValidate={false}>
      <h2 id="post-form-heading">Add a post</h2>
      {Object.keys(errors).length > 0 ? (
        <p className="form-error-summary" role="alert">
          The post was not saved. Correct the fields marked below.
        </p>
      ) : null}
      <CsrfField />
      <div className="field">
        <label htmlFor="title">Title</label>
        <input
          id="title"
          name="title"
          type="text"
          required
          maxLength={POST_LIMITS.title}
          defaultValue={values.title}
          {...invalid('title')}
        />
        <FieldError id="title-error" message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="content">Content (optional)</label>
        <textarea
          id="content"
          name="content"
          rows={4}
          maxLength={POST_LIMITS.content}
          defaultValue={values.content}
          {...invalid('content')}
        />
        <FieldError id="content-error" message={errors.content} />
      </div>
      <div className="field">
        <label htmlFor="authorName">Author</label>
        <input
          id="authorName"
          name="authorName"
          type="text"
          required
          maxLength={POST_LIMITS.authorName}
          defaultValue={values.authorName}
          {...invalid('authorName')}
        />
        <FieldError id="authorName-error" message={errors.authorName} />
      </div>
      <div className="field">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={values.status} {...invalid('status')}>
          {DEMO_POST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {DEMO_POST_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <FieldError id="status-error" message={errors.status} />
      </div>
      <button type="submit">Add post</button>
    </form>
  );
}
