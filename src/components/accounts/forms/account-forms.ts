import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { type FormErrors, IsPlainText, parseForm } from '../../../surface';
import type { Credentials, NewAccount } from '../component.types';
import { PASSWORD_LENGTH, passwordLength } from '../passwords/password-policy';

/** The one source of the forms' limits: the parsers enforce them and the pages set them as `maxLength`. */
export const ACCOUNT_LIMITS = { email: 254, displayName: 100, password: PASSWORD_LENGTH } as const;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const PASSWORD_MESSAGE = `Enter a password of ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters. A few unrelated words make a strong one.`;

/** Length in code points, as the person typing sees it, not UTF-16 units. */
export const PasswordLength = (min: number, max: number, message: string) =>
  ValidateBy(
    {
      name: 'passwordLength',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordLength(value) >= min && passwordLength(value) <= max,
      },
    },
    { message },
  );

export const EMAIL_CANNOT_RECEIVE_MAIL = 'Enter an email address that can receive mail; addresses ending in .invalid cannot.';

/**
 * `.invalid` is reserved (RFC 2606): no address under it receives mail, and
 * placeholder accounts (authors of example data, who can never sign in) use
 * it, so nobody may sign up as one of them and take over their posts.
 */
const CanReceiveMail = (message: string) =>
  ValidateBy(
    { name: 'canReceiveMail', validator: { validate: (value: unknown) => typeof value !== 'string' || !/\.invalid$/i.test(value) } },
    { message },
  );

class SignUpBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter your email address.' })
  @MaxLength(ACCOUNT_LIMITS.email, { message: `Enter an email address of at most ${ACCOUNT_LIMITS.email} characters.` })
  @IsEmail({}, { message: 'Enter an email address like name@example.com.' })
  @CanReceiveMail(EMAIL_CANNOT_RECEIVE_MAIL)
  email!: string;

  @Transform(trimmed)
  @IsString({ message: 'Enter the name to show on your posts.' })
  @Length(1, ACCOUNT_LIMITS.displayName, {
    message: `Enter a name of 1 to ${ACCOUNT_LIMITS.displayName} characters to show on your posts.`,
  })
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the name.' })
  displayName!: string;

  @IsString({ message: PASSWORD_MESSAGE })
  @PasswordLength(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD_MESSAGE)
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the password.' })
  password!: string;
}

class SignInBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter your email address.' })
  @Length(1, ACCOUNT_LIMITS.email, { message: 'Enter your email address.' })
  // Looked up in PostgreSQL, whose text cannot hold NUL: refused here, not as a database error after the attempt was counted.
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the email address.' })
  email!: string;

  @IsString({ message: 'Enter your password.' })
  @MinLength(1, { message: 'Enter your password.' })
  @PasswordLength(1, PASSWORD_LENGTH.max, `Enter your password; it is at most ${PASSWORD_LENGTH.max} characters long.`)
  password!: string;
}

export type SignUpField = 'email' | 'displayName' | 'password';
export type SignInField = 'email' | 'password';

/** What the user typed, shown again on a rejected form. Never the password. */
export type SignUpValues = Pick<Record<SignUpField, string>, 'email' | 'displayName'>;
export type SignInValues = Pick<Record<SignInField, string>, 'email'>;
export type { FormErrors };

export type Parsed<T, Values, Field extends string> = { ok: true; value: T } | { ok: false; values: Values; errors: FormErrors<Field> };

export const EMPTY_SIGN_UP: SignUpValues = { email: '', displayName: '' };
export const EMPTY_SIGN_IN: SignInValues = { email: '' };

// parseForm shows a field's topmost failing rule: "Enter your email address." for a missing email, not "… like name@example.com".
export function parseSignUpForm(body: Record<string, unknown> | undefined): Parsed<NewAccount, SignUpValues, SignUpField> {
  const parsed = parseForm(SignUpBody, body, { showAgain: ['email', 'displayName'] });
  if (!parsed.ok) return parsed;
  const { email, displayName, password } = parsed.value;
  return { ok: true, value: { email, displayName, password } };
}

export function parseSignInForm(body: Record<string, unknown> | undefined): Parsed<Credentials, SignInValues, SignInField> {
  const parsed = parseForm(SignInBody, body, { showAgain: ['email'] });
  if (!parsed.ok) return parsed;
  const { email, password } = parsed.value;
  return { ok: true, value: { email, password } };
}
