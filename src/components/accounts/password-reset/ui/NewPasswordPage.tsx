import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../../surface';
import { ACCOUNT_LIMITS } from '../../forms/account-forms';
import type { FormErrors, NewPasswordField } from '../password-reset-forms';
import { PASSWORD_RESET_PATHS } from '../password-reset-paths';

export interface NewPasswordPageProps {
  /** The mailed link's token, sent back with the form (a hidden field, never in the form's address). */
  token: string;
  errors: FormErrors<NewPasswordField>;
}

/** Choose a new password; sent with the link's token. The password is never filled in again. */
export function NewPasswordPage({ token, errors }: NewPasswordPageProps) {
  return (
    <>
      <PageHeader
        title="Choose a new password"
        lead="Every browser signed in to your account will be signed out, and this one signed in with the new password."
      />
      <Card id="new-password" title="Your new password" as="section">
        <form method="post" action={PASSWORD_RESET_PATHS.newPassword}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <input type="hidden" name="token" value={token} />
          <TextField
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`${ACCOUNT_LIMITS.password.min} to ${ACCOUNT_LIMITS.password.max} characters.`}
            required
            maxLength={ACCOUNT_LIMITS.password.max}
            error={errors.password}
          />
          <Button>Set the new password</Button>
        </form>
      </Card>
    </>
  );
}
