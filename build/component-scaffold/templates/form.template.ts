import type { ComponentNames } from '../component-names';

/** item-form.ts: the add-item form's rules, pure, with its limits in one place. */
export function formTemplate(n: ComponentNames): string {
  return `import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsPlainText, parseForm } from '../../surface';
import type { New${n.model} } from './component.types';

/** The one source of the form's limits: the parser enforces them and the page sets them as \`maxLength\`. */
export const ITEM_LIMITS = { name: 200, notes: 2_000 } as const;

const count = (limit: number) => limit.toLocaleString('en-US');
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The add-item form as submitted (form-encoded). A field that breaks several
 * rules shows the message of the topmost one, so list them from the most
 * basic (is it text at all?) to the most specific.
 */
class ItemFormBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter a name.' })
  @Length(1, ITEM_LIMITS.name, { message: \`Enter a name of 1 to \${count(ITEM_LIMITS.name)} characters.\` })
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the name.' })
  name!: string;

  @Transform(trimmed)
  @IsString({ message: 'Notes must be text.' })
  @MaxLength(ITEM_LIMITS.notes, { message: \`Keep the notes to \${count(ITEM_LIMITS.notes)} characters or fewer.\` })
  @IsPlainText({ multiline: true, message: 'Remove the invisible control characters (such as NUL) from the notes; tabs and line breaks are fine.' })
  notes: string = '';
}

export type ItemFormField = 'name' | 'notes';

/** What the user typed, kept so an invalid form is shown again with their input. */
export type ItemFormValues = Record<ItemFormField, string>;
export type ItemFormErrors = Partial<Record<ItemFormField, string>>;

/** The form as the page shows it. */
export interface ItemForm {
  values: ItemFormValues;
  errors: ItemFormErrors;
}

export type ParsedItemForm = { ok: true; item: New${n.model} } | ({ ok: false } & ItemForm);

export const EMPTY_ITEM_FORM: ItemFormValues = { name: '', notes: '' };

export function parseItemForm(body: Record<string, unknown> | undefined): ParsedItemForm {
  const form = parseForm(ItemFormBody, body, { showAgain: ['name', 'notes'] });
  if (!form.ok) return form;
  const { name, notes } = form.value;
  return { ok: true, item: { name, notes: notes === '' ? null : notes } };
}
`;
}

/** item-form.spec.ts: the rules, each able to fail on its own. */
export function formSpecTemplate(): string {
  return `import { EMPTY_ITEM_FORM, ITEM_LIMITS, parseItemForm } from './item-form';

/** The errors of a form that must be rejected. */
function errorsOf(body: Record<string, unknown>) {
  const result = parseItemForm(body);
  if (result.ok) throw new Error(\`expected \${JSON.stringify(body)} to be rejected, got \${JSON.stringify(result.item)}\`);
  return result.errors;
}

describe('parseItemForm', () => {
  it('accepts a name with notes and trims both', () => {
    expect(parseItemForm({ name: '  Dune  ', notes: '\\n Read it twice. \\n' })).toEqual({
      ok: true,
      item: { name: 'Dune', notes: 'Read it twice.' },
    });
  });

  it('stores empty notes as none', () => {
    expect(parseItemForm({ name: 'Dune', notes: '   ' })).toEqual({ ok: true, item: { name: 'Dune', notes: null } });
    expect(parseItemForm({ name: 'Dune' })).toEqual({ ok: true, item: { name: 'Dune', notes: null } });
  });

  it('requires a name, and a name of only spaces is none', () => {
    expect(errorsOf({ notes: 'x' })).toEqual({ name: expect.stringMatching(/name/i) });
    expect(errorsOf({ name: '   ' })).toEqual({ name: 'Enter a name of 1 to 200 characters.' });
  });

  it('accepts a name of exactly the limit and rejects one character more', () => {
    expect(parseItemForm({ name: 'n'.repeat(ITEM_LIMITS.name) }).ok).toBe(true);
    expect(errorsOf({ name: 'n'.repeat(ITEM_LIMITS.name + 1) })).toEqual({ name: expect.stringMatching(/name/i) });
  });

  it('rejects notes over the limit and keeps what was typed', () => {
    const notes = 'n'.repeat(ITEM_LIMITS.notes + 1);

    const result = parseItemForm({ name: 'Dune', notes });

    expect(result).toEqual({
      ok: false,
      values: { ...EMPTY_ITEM_FORM, name: 'Dune', notes },
      errors: { notes: 'Keep the notes to 2,000 characters or fewer.' },
    });
  });

  it('rejects a name that is not text, as a tampered form would send it', () => {
    expect(errorsOf({ name: ['a', 'b'] })).toHaveProperty('name');
  });

  it('rejects control characters (NUL, which PostgreSQL cannot store), and keeps line breaks in the notes', () => {
    expect(errorsOf({ name: 'Du\\u0000ne' })).toEqual({ name: expect.stringContaining('control characters') });
    expect(errorsOf({ name: 'Du\\nne' })).toEqual({ name: expect.stringContaining('control characters') });
    expect(errorsOf({ name: 'Dune', notes: 'x\\u0000' })).toEqual({ notes: expect.stringContaining('control characters') });
    expect(parseItemForm({ name: 'Dune', notes: 'one\\r\\ntwo' })).toMatchObject({ ok: true, item: { notes: 'one\\r\\ntwo' } });
  });
});
`;
}
