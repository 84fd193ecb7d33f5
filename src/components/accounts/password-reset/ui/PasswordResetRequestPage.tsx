import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../../surface';
import { ACCOUNT_PATHS } from '../../account-paths';
import { ACCOUNT_LIMITS } from '../../forms/account-forms';
import type { FormErrors, ResetRequestField, ResetRequestValues } from '../password-reset-forms';
import { PASSWORD_RESET_PATHS } from '../password-reset-paths';

export interface PasswordResetRequestPageProps {
  values: ResetRequestValues;
  errors: FormErrors<ResetRequestField>;
}

/** Asks for the account's email address, to mail a reset link to. */
export function PasswordResetRequestPage({ values, errors }: PasswordResetRequestPageProps) {
  return (
    <>
      <PageHeader
        title="Reset your password"
        lead="Enter the email address of your account and we will mail you a link to choose a new password."
      />
      <Card id="password-reset" title="Where to send the link" as="section">
        <form method="post" action={PASSWORD_RESET_PATHS.request}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            required
            maxLength={ACCOUNT_LIMITS.email}
            defaultValue={values.email}
            error={errors.email}
          />
          <Button>Send the link</Button>
        </form>
      </Card>
      <p>
        Remembered it? <a href={ACCOUNT_PATHS.signIn}>Sign in</a>.
      </p>
    </>
  );
}
