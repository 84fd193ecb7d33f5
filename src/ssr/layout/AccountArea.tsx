import type { AccountStatus } from '../../platform/http/page-locals';
import { CsrfField } from '../kit/CsrfField';

/** The header's account links: who is signed in and a sign-out button, or ways to sign in. */
export function AccountArea({ status }: { status: AccountStatus }) {
  if (status.user) {
    return (
      <div className="site-account">
        <p>
          Signed in as <a href={status.accountHref}>{status.user.displayName}</a>
        </p>
        <form method="post" action={status.signOutAction}>
          <CsrfField />
          <button type="submit" className="site-account-action">
            Sign out
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="site-account">
      <a href={status.signInHref}>Sign in</a>
      <a href={status.signUpHref}>Create an account</a>
    </div>
  );
}
