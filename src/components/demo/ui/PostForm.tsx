import { Button, Card, CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from '../../../surface';
import { DEMO_POST_STATUS_LABELS, DEMO_POST_STATUSES } from '../component.types';
import { POST_LIMITS, type PostFormErrors, type PostFormValues } from '../post-form';

export interface PostFormProps {
  values: PostFormValues;
  errors: PostFormErrors;
}

const STATUS_OPTIONS = DEMO_POST_STATUSES.map((status) => ({ value: status, label: DEMO_POST_STATUS_LABELS[status] }));

/** The add-post form: a summary of the problems on top, each field's error under it (kit fields wire aria-describedby). */
export function PostForm({ values, errors }: PostFormProps) {
  return (
    <Card id="post-form" title="Add a post" as="section">
      <form method="post" action="/demo/posts" className="post-form">
        <ErrorSummary errors={errors} />
        <CsrfField />
        <TextField name="title" label="Title" required maxLength={POST_LIMITS.title} defaultValue={values.title} error={errors.title} />
        <TextAreaField
          name="content"
          label="Content (optional)"
          hint={`Up to ${POST_LIMITS.content.toLocaleString('en-US')} characters.`}
          maxLength={POST_LIMITS.content}
          defaultValue={values.content}
          error={errors.content}
        />
        <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={values.status} error={errors.status} />
        <Button>Add post</Button>
      </form>
    </Card>
  );
}
