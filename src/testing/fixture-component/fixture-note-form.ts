// Imports the platform through the surface, like a real component.
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsPlainText, parseForm } from '../../surface';

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

/** Typed values, or the submitted text back with one message per field (the platform's one form parser). */
export function parseNoteForm(body: Record<string, unknown> | undefined): ParsedNoteForm {
  const parsed = parseForm(NoteFormBody, body, { showAgain: ['title', 'content', 'status', 'author'] });
  if (!parsed.ok) return { ok: false, values: { ...parsed.values, status: parsed.values.status || 'PUBLISHED' }, errors: parsed.errors };
  const form = parsed.value;
  return {
    ok: true,
    note: { title: form.title, content: form.content === '' ? null : form.content, status: form.status, author: form.author },
  };
}
