import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsPlainText, parseForm } from '../../../surface';
import { ACCOUNT_LIMITS, type FormErrors, PASSWORD_MESSAGE, PasswordLength, type Parsed } from '../forms/account-forms';
import { PASSWORD_LENGTH } from '../passwords/password-policy';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Any well-formed address, `.invalid` ones included: whether a form is
 * refused must not depend on what accounts exist (placeholder authors have
 * such addresses), so only the shape is checked.
 */
class ResetRequestBody {
  @Transform(trimmed)
  @IsString({ message: 'Enter the email address of your account.' })
  @MaxLength(ACCOUNT_LIMITS.email, { message: `Enter an email address of at most ${ACCOUNT_LIMITS.email} characters.` })
  @IsEmail({}, { message: 'Enter an email address like name@example.com.' })
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the email address.' })
  email!: string;
}

/** The same rules as sign-up's password. */
class NewPasswordBody {
  @IsString({ message: PASSWORD_MESSAGE })
  @PasswordLength(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD_MESSAGE)
  @IsPlainText({ message: 'Remove the invisible control characters (such as NUL or a line break) from the password.' })
  password!: string;
}

export type ResetRequestField = 'email';
export type ResetRequestValues = Record<ResetRequestField, string>;
export type NewPasswordField = 'password';
export type { FormErrors };

export const EMPTY_RESET_REQUEST: ResetRequestValues = { email: '' };

export function parseResetRequestForm(
  body: Record<string, unknown> | undefined,
): Parsed<{ email: string }, ResetRequestValues, ResetRequestField> {
  const parsed = parseForm(ResetRequestBody, body, { showAgain: ['email'] });
  if (!parsed.ok) return parsed;
  return { ok: true, value: { email: parsed.value.email } };
}

/** The new password; the token travels beside it in the form and is checked by the service. */
export function parseNewPasswordForm(
  body: Record<string, unknown> | undefined,
): Parsed<{ password: string }, Record<never, string>, NewPasswordField> {
  const parsed = parseForm(NewPasswordBody, body);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { password: parsed.value.password } };
}
