import { Card, PageHeader } from '../../../../surface';
import { PASSWORD_RESET_PATHS } from '../password-reset-paths';

export interface PasswordResetSentPageProps {
  validMinutes: number;
}

/** The one answer to every accepted request: it never says whether the address has an account. */
export function PasswordResetSentPage({ validMinutes }: PasswordResetSentPageProps) {
  return (
    <>
      <PageHeader title="Check your email" />
      <Card id="password-reset-sent" title="A link is on its way" as="section">
        <p>{`If an account exists for that email address, we have sent it a link to choose a new password. The link works once, for ${validMinutes} minutes.`}</p>
        <p>
          Nothing after a few minutes? Check your spam folder and the address you typed, then{' '}
          <a href={PASSWORD_RESET_PATHS.request}>ask for a new link</a>.
        </p>
      </Card>
    </>
  );
}
