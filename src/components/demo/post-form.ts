import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength, validateSync } from 'class-validator';
import { DEMO_POST_STATUSES, DemoPostStatus, NewDemoPost } from './component.types';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The add-post form as submitted (form-encoded), with the rules from the issue. */
class PostFormBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter a title.' })
  @Length(1, 200, { message: 'Enter a title of 1 to 200 characters.' })
  title!: string;

  @Transform(trimmed)
  @IsString({ message: 'Content must be text.' })
  @MaxLength(10_000, { message: 'Keep the content to 10,000 characters or fewer.' })
  content: string = '';

  @Transform(trimmed)
  @IsString({ message: 'Enter the author name.' })
  @Length(1, 100, { message: 'Enter an author name of 1 to 100 characters.' })
  authorName!: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 'PUBLISHED' : value))
  @IsIn(DEMO_POST_STATUSES, { message: 'Choose Draft, Published or Archived.' })
  status: DemoPostStatus = 'PUBLISHED';
}

export type PostFormField = 'title' | 'content' | 'authorName' | 'status';

/** What the user typed, kept so an invalid form is shown again with their input. */
export type PostFormValues = Record<PostFormField, string>;
export type PostFormErrors = Partial<Record<PostFormField, string>>;

export type ParsedPostForm = { ok: true; post: NewDemoPost } | { ok: false; values: PostFormValues; errors: PostFormErrors };

export const EMPTY_POST_FORM: PostFormValues = { title: '', content: '', authorName: '', status: 'PUBLISHED' };

export function parsePostForm(body: Record<string, unknown> | undefined): ParsedPostForm {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const values: PostFormValues = {
    title: text(body?.title),
    content: text(body?.content),
    authorName: text(body?.authorName),
    status: text(body?.status) || 'PUBLISHED',
  };
  const form = plainToInstance(PostFormBody, { ...body }, { excludeExtraneousValues: false });
  const problems = validateSync(form, { forbidUnknownValues: true });
  if (problems.length > 0) {
    const errors: PostFormErrors = {};
    for (const problem of problems) {
      errors[problem.property as PostFormField] = Object.values(problem.constraints ?? {})[0];
    }
    return { ok: false, values, errors };
  }
  return { ok: true, post: { title: form.title, content: form.content === '' ? null : form.content, authorName: form.authorName, status: form.status } };
}
