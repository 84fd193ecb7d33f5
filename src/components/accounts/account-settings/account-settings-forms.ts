import { IsString, MinLength, ValidateBy } from 'class-validator';
import { type FormErrors, IsPlainText, parseForm } from '../../../surface';
import { PASSWORD_LENGTH, passwordLength } from '../passwords/password-policy';

/** The sign-up form's message for a new password, word for word (account-settings-forms.spec.ts checks they agree). */
export const NEW_PASSWORD_MESSAGE = `Enter a password of ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters. A few unrelated words make a strong one.`;
const CONTROL_CHARACTERS_MESSAGE = 'Remove the invisible control characters (such as NUL or a line break) from the new password.';

/** Length in code points, as the person typing sees it (password-policy.ts). */
const PasswordLength = (min: number, max: number, message: string) =>
  ValidateBy(
    {
      name: 'passwordLength',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordLength(value) >= min && passwordLength(value) <= max,
      },
    },
    { message },
  );

const PASSWORD_MAX = PASSWORD_LENGTH.max;

class ChangePasswordBody {
  @IsString({ message: 'Enter your current password.' })
  @MinLength(1, { message: 'Enter your current password.' })
  @PasswordLength(1, PASSWORD_MAX, `Enter your current password; it is at most ${PASSWORD_MAX} characters long.`)
  currentPassword!: string;

  // The sign-up rules (forms/account-forms.ts): a new password is held to what a new account's is.
  @IsString({ message: NEW_PASSWORD_MESSAGE })
  @PasswordLength(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, NEW_PASSWORD_MESSAGE)
  @IsPlainText({ message: CONTROL_CHARACTERS_MESSAGE })
  newPassword!: string;
}

class DeleteAccountBody {
  @IsString({ message: 'Enter your password to delete your account.' })
  @MinLength(1, { message: 'Enter your password to delete your account.' })
  @PasswordLength(1, PASSWORD_MAX, `Enter your password; it is at most ${PASSWORD_MAX} characters long.`)
  password!: string;
}

export type ChangePasswordField = 'currentPassword' | 'newPassword';
export type DeleteAccountField = 'password';
export type { FormErrors };

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Nothing of either form is ever shown again: both fields are passwords. */
export type ParsedSettingsForm<T, Field extends string> = { ok: true; value: T } | { ok: false; errors: FormErrors<Field> };

export function parseChangePasswordForm(
  body: Record<string, unknown> | undefined,
): ParsedSettingsForm<PasswordChange, ChangePasswordField> {
  const parsed = parseForm(ChangePasswordBody, body);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { currentPassword, newPassword } = parsed.value;
  return { ok: true, value: { currentPassword, newPassword } };
}

export function parseDeleteAccountForm(
  body: Record<string, unknown> | undefined,
): ParsedSettingsForm<{ password: string }, DeleteAccountField> {
  const parsed = parseForm(DeleteAccountBody, body);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, value: { password: parsed.value.password } };
}
