import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength, validateSync } from 'class-validator';
import { IsPlainText } from '../../platform/forms/is-plain-text.decorator';

/** The fixture's limits, sized like a real component's so body-limit tests mean something. */
export const NOTE_LIMITS = { title: 200, content: 10_000, author: 100 } as const;

export const NOTE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];
export const NOTE_STATUS_LABELS: Record<NoteStatus, string> = { DRAFT: 'Draft', PUBLISHED: 'Published', ARCHIVED: 'Archived' };

const CONTROL_CHARACTERS = 'Remove the invisible control characters (such as NUL or a line break)';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The add-note form as submitted (form-encoded or JSON). */
class NoteFormBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter a title.' })
  @Length(1, NOTE_LIMITS.title, { message: `Enter a title of 1 to ${NOTE_LIMITS.title} characters.` })
  @IsPlainText({ message: `${CONTROL_CHARACTERS} from the title.` })
  title!: string;

  @Transform(trimmed)
  @IsString({ message: 'Content must be text.' })
  @MaxLength(NOTE_LIMITS.content, { message: 'Keep the content to 10,000 characters or fewer.' })
  @IsPlainText({
    multiline: true,
    message: 'Remove the invisible control characters (such as NUL) from the content; tabs and line breaks are fine.',
  })
  content: string = '';

  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 'PUBLISHED' : value))
  @IsIn(NOTE_STATUSES, { message: 'Choose Draft, Published or Archived.' })
  status: NoteStatus = 'PUBLISHED';

  @Transform(trimmed)
  @IsString({ message: 'Enter your name.' })
  @Length(1, NOTE_LIMITS.author, { message: `Enter a name of 1 to ${NOTE_LIMITS.author} characters.` })
  @IsPlainText({ message: `${CONTROL_CHARACTERS} from the name.` })
  author!: string;
}

export type NoteFormField = 'title' | 'content' | 'status' | 'author';
export type NoteFormValues = Record<NoteFormField, string>;
export type NoteFormErrors = Partial<Record<NoteFormField, string>>;
export interface NewNote {
  title: string;
  content: string | null;
  status: NoteStatus;
  author: string;
}
export type ParsedNoteForm = { ok: true; note: NewNote } | { ok: false; values: NoteFormValues; errors: NoteFormErrors };

export const EMPTY_NOTE_FORM: NoteFormValues = { title: '', content: '', status: 'PUBLISHED', author: '' };

/** The most basic failed rule speaks for a field: not text at all, then its length, then its characters. */
const RULE_ORDER = ['isString', 'isIn', 'isLength', 'maxLength', 'isPlainText', 'isPlainMultilineText'];

/** Typed values, or the submitted text back with one message per field. */
export function parseNoteForm(body: Record<string, unknown> | undefined): ParsedNoteForm {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const values: NoteFormValues = {
    title: text(body?.title),
    content: text(body?.content),
    status: text(body?.status) || 'PUBLISHED',
    author: text(body?.author),
  };
  const form = plainToInstance(NoteFormBody, { ...body });
  const problems = validateSync(form, { forbidUnknownValues: true });
  if (problems.length > 0) {
    const errors: NoteFormErrors = {};
    for (const { property, constraints = {} } of problems) {
      const rule = RULE_ORDER.find((name) => name in constraints) ?? Object.keys(constraints)[0];
      errors[property as NoteFormField] = constraints[rule];
    }
    return { ok: false, values, errors };
  }
  return {
    ok: true,
    note: { title: form.title, content: form.content === '' ? null : form.content, status: form.status, author: form.author },
  };
}
