import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../../surface';
import { ACCOUNT_PATHS } from '../../account-paths';
import { PASSWORD_LENGTH } from '../../passwords/password-policy';
import type { ChangePasswordField, FormErrors } from '../account-settings-forms';

export interface ChangePasswordPageProps {
  errors: FormErrors<ChangePasswordField>;
}

/** The current password and a new one. Neither is ever filled in again. */
export function ChangePasswordPage({ errors }: ChangePasswordPageProps) {
  return (
    <>
      <PageHeader
        title="Change your password"
        lead="Every other browser or device signed in to your account is signed out; this one stays signed in."
      />
      <Card id="change-password" title="Your passwords" as="section">
        <form method="post" action={ACCOUNT_PATHS.changePassword}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={PASSWORD_LENGTH.max}
            error={errors.currentPassword}
          />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters.`}
            required
            maxLength={PASSWORD_LENGTH.max}
            error={errors.newPassword}
          />
          <div className="button-row">
            <Button>Change password</Button>
            <a href={ACCOUNT_PATHS.account} className="button button-secondary">
              Cancel
            </a>
          </div>
        </form>
      </Card>
    </>
  );
}
