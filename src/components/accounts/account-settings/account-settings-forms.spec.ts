import { parseSignUpForm } from '../forms/account-forms';
import { parseChangePasswordForm, parseDeleteAccountForm } from './account-settings-forms';

const signUpPasswordError = (password: string) => {
  const parsed = parseSignUpForm({ email: 'a@example.test', displayName: 'A', password });
  return parsed.ok ? undefined : parsed.errors.password;
};

const newPasswordError = (newPassword: string) => {
  const parsed = parseChangePasswordForm({ currentPassword: 'whatever it is', newPassword });
  return parsed.ok ? undefined : parsed.errors.newPassword;
};

describe('the change-password form', () => {
  it.each([
    ['too short', 'eleven char'],
    ['too long', 'x'.repeat(257)],
    ['with a NUL', 'a long enough\u0000password'],
  ])('refuses a new password %s with the sign-up form’s message', (_, password) => {
    expect(newPasswordError(password)).toBeDefined();
    expect(newPasswordError(password)).toBe(signUpPasswordError(password)?.replace('from the password.', 'from the new password.'));
  });

  it('counts characters as sign-up does: twelve emoji are a long enough password', () => {
    expect(newPasswordError('🙂'.repeat(12))).toBeUndefined();
    expect(signUpPasswordError('🙂'.repeat(12))).toBeUndefined();
  });

  it('asks for the current password when it is missing, and keeps both passwords as typed', () => {
    expect(parseChangePasswordForm({ newPassword: 'a long enough password' })).toEqual({
      ok: false,
      errors: { currentPassword: 'Enter your current password.' },
    });
    expect(parseChangePasswordForm({ currentPassword: ' old ', newPassword: ' a long enough password ' })).toEqual({
      ok: true,
      value: { currentPassword: ' old ', newPassword: ' a long enough password ' },
    });
  });
});

describe('the delete-account form', () => {
  it('asks for the password, and takes any non-empty one as typed', () => {
    expect(parseDeleteAccountForm({})).toEqual({ ok: false, errors: { password: 'Enter your password to delete your account.' } });
    expect(parseDeleteAccountForm({ password: ' x ' })).toEqual({ ok: true, value: { password: ' x ' } });
  });
});
