import { Card, PageHeader } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import { signInLocation } from '../guards/return-path';

export interface SignUpSentPageProps {
  /** A safe path to go to after signing in, carried from the sign-up form. */
  returnTo?: string;
}

/**
 * Where every valid sign-up lands, for a new address and a taken one alike:
 * it says nothing about which it was (the mail tells the address's owner).
 */
export function SignUpSentPage({ returnTo }: SignUpSentPageProps) {
  return (
    <>
      <PageHeader title="Check your email" />
      <Card id="sign-up-sent" title="We sent you a message" as="section">
        <p>
          We sent a message to the address you entered. For a new account it holds a link to confirm the address; if the address already had
          an account, it tells its owner how to sign in or set a new password.
        </p>
        <p>
          You can <a href={signInLocation(ACCOUNT_PATHS.signIn, returnTo)}>sign in</a> with the address and password you chose right away;
          confirming the address can wait. No message after a few minutes? Look in your spam folder, or sign in and ask for a new link on
          your account page.
        </p>
      </Card>
    </>
  );
}
