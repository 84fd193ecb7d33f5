import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsPlainText, parseForm } from '../../surface';
import { DEMO_POST_STATUS_LABELS, DEMO_POST_STATUSES, DemoPostStatus, NewDemoPost } from './component.types';

/** The one source of the form's limits: the parser enforces them and the page sets them as `maxLength`. */
export const POST_LIMITS = { title: 200, content: 10_000 } as const;

const count = (limit: number) => limit.toLocaleString('en-US');
const statusChoices = new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(
  DEMO_POST_STATUSES.map((status) => DEMO_POST_STATUS_LABELS[status]),
);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The add-post form as submitted (form-encoded), with the rules from the issue. */
class PostFormBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter a title.' })
  @Length(1, POST_LIMITS.title, { message: `Enter a title of 1 to ${count(POST_LIMITS.title)} characters.` })
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the title.' })
  title!: string;

  @Transform(trimmed)
  @IsString({ message: 'Content must be text.' })
  @MaxLength(POST_LIMITS.content, { message: `Keep the content to ${count(POST_LIMITS.content)} characters or fewer.` })
  @IsPlainText({
    multiline: true,
    message: 'Remove the invisible control characters (such as NUL) from the content; tabs and line breaks are fine.',
  })
  content: string = '';

  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 'PUBLISHED' : value))
  @IsIn(DEMO_POST_STATUSES, { message: `Choose ${statusChoices}.` })
  status: DemoPostStatus = 'PUBLISHED';
}

export type PostFormField = 'title' | 'content' | 'status';

/** What the user typed, kept so an invalid form is shown again with their input. */
export type PostFormValues = Record<PostFormField, string>;
export type PostFormErrors = Partial<Record<PostFormField, string>>;

export type ParsedPostForm = { ok: true; post: NewDemoPost } | { ok: false; values: PostFormValues; errors: PostFormErrors };

export const EMPTY_POST_FORM: PostFormValues = { title: '', content: '', status: 'PUBLISHED' };

export function parsePostForm(body: Record<string, unknown> | undefined): ParsedPostForm {
  const parsed = parseForm(PostFormBody, body, { showAgain: ['title', 'content', 'status'] });
  if (!parsed.ok) return { ok: false, values: { ...parsed.values, status: parsed.values.status || 'PUBLISHED' }, errors: parsed.errors };
  const form = parsed.value;
  return { ok: true, post: { title: form.title, content: form.content === '' ? null : form.content, status: form.status } };
}
