import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../../surface';
import { ACCOUNT_PATHS } from '../../account-paths';
import { PASSWORD_LENGTH } from '../../passwords/password-policy';
import type { DeleteAccountField, FormErrors } from '../account-settings-forms';

export interface DeleteAccountPageProps {
  email: string;
  errors: FormErrors<DeleteAccountField>;
}

/** The page of its own before an account is deleted: what happens, the password, a button that says what it does. */
export function DeleteAccountPage({ email, errors }: DeleteAccountPageProps) {
  return (
    <>
      <PageHeader title="Delete your account?" />
      <Card id="delete-account" title="This cannot be undone" as="section">
        <p>
          {`Your account ${email} is deleted for good: you are signed out everywhere, you can no longer sign in, and what you wrote ` +
            '(such as your posts) is no longer shown. The address becomes free: you may create a new, empty account with it later.'}
        </p>
        <form method="post" action={ACCOUNT_PATHS.deleteAccount}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <TextField
            name="password"
            label="Your password, to confirm"
            type="password"
            autoComplete="current-password"
            required
            maxLength={PASSWORD_LENGTH.max}
            error={errors.password}
          />
          <div className="button-row">
            <Button variant="destructive">Delete my account for good</Button>
            <a href={ACCOUNT_PATHS.account} className="button button-secondary">
              Keep my account
            </a>
          </div>
        </form>
      </Card>
    </>
  );
}
