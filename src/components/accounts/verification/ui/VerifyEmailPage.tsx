import { Button, Card, CsrfField, PageHeader } from '../../../../surface';
import { ACCOUNT_PATHS } from '../../account-paths';

export interface VerifyEmailPageProps {
  /** The link's token, sent back with the button. */
  token: string;
}

/**
 * What a verification link opens: a button, not the verification itself.
 * Mail scanners fetch every link in a message; only a person presses the button.
 */
export function VerifyEmailPage({ token }: VerifyEmailPageProps) {
  return (
    <>
      <PageHeader title="Confirm your email address" />
      <Card id="verify-email" title="One more step" as="section">
        <p>Press the button to confirm that the address this link was sent to is yours.</p>
        <form method="post" action={ACCOUNT_PATHS.verifyEmail}>
          <CsrfField />
          <input type="hidden" name="token" value={token} />
          <Button>Confirm my address</Button>
        </form>
      </Card>
    </>
  );
}
