import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import { IsPlainText } from './is-plain-text.decorator';
import { parseForm } from './parse-form';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Rules from the most basic (top) to the most specific (bottom), as parseForm's message rule expects. */
class ContactForm {
  @Transform(trimmed)
  @IsString({ message: 'Enter your email address.' })
  @MaxLength(20, { message: 'Enter at most 20 characters.' })
  @IsEmail({}, { message: 'Enter an email address like name@example.com.' })
  email!: string;

  @IsString({ message: 'Enter a password.' })
  @IsPlainText({ message: 'Remove the control characters from the password.' })
  password!: string;

  @IsIn(['low', 'high'], { message: 'Choose low or high.' })
  priority: string = 'low';
}

describe('parseForm', () => {
  it('returns the form class with its transforms and defaults applied when every rule holds', () => {
    const parsed = parseForm(ContactForm, { email: '  ada@example.com ', password: 'secret' });

    expect(parsed).toEqual({ ok: true, value: expect.any(ContactForm) });
    expect(parsed.ok && { ...parsed.value }).toEqual({ email: 'ada@example.com', password: 'secret', priority: 'low' });
  });

  it('drops fields the class does not declare, such as the CSRF token or a forged owner', () => {
    const parsed = parseForm(ContactForm, { email: 'ada@example.com', password: 'secret', _csrf: 'token', authorId: 'someone' });

    expect(parsed.ok && Object.keys(parsed.value).sort()).toEqual(['email', 'password', 'priority']);
  });

  it("shows the topmost failing rule's message for a field that breaks several: the most basic one", () => {
    // 12345 is no string, longer than nothing, and no email: all three rules fail.
    const parsed = parseForm(ContactForm, { email: 12345, password: 'secret' });

    expect(parsed).toMatchObject({ ok: false, errors: { email: 'Enter your email address.' } });
  });

  it('shows the next rule down when the rules above it hold', () => {
    expect(parseForm(ContactForm, { email: 'a-very-long-address@example.com', password: 'x' })).toMatchObject({
      errors: { email: 'Enter at most 20 characters.' },
    });
    expect(parseForm(ContactForm, { email: 'not an address', password: 'x' })).toMatchObject({
      errors: { email: 'Enter an email address like name@example.com.' },
    });
  });

  it('gives one message per failing field and none for the fields that hold', () => {
    const parsed = parseForm(ContactForm, { email: 'ada@example.com', password: 'a\u0000b', priority: 'urgent' });

    expect(parsed).toEqual({
      ok: false,
      values: {},
      errors: { password: 'Remove the control characters from the password.', priority: 'Choose low or high.' },
    });
  });

  it('keeps what was typed, untrimmed, in the fields to show again, and nothing of the others (the password)', () => {
    const parsed = parseForm(ContactForm, { email: '  not an address ', password: 'a\u0000b' }, { showAgain: ['email', 'priority'] });

    expect(parsed).toMatchObject({ ok: false, values: { email: '  not an address ', priority: '' } });
    expect(JSON.stringify(parsed)).not.toContain('a\\u0000b');
  });

  it('shows a field that arrived as a list or an object (a tampered form) again as empty, with its message', () => {
    const parsed = parseForm(ContactForm, { email: ['a@example.com', 'b@example.com'], password: { x: 1 } }, { showAgain: ['email'] });

    expect(parsed).toEqual({
      ok: false,
      values: { email: '' },
      errors: { email: 'Enter your email address.', password: 'Enter a password.' },
    });
  });

  it.each([
    ['no body', undefined],
    ['a body that is no object', 'email=ada@example.com'],
  ])('reads %s as an empty form', (_, body) => {
    expect(parseForm(ContactForm, body)).toMatchObject({
      ok: false,
      errors: { email: 'Enter your email address.', password: 'Enter a password.' },
    });
  });
});
