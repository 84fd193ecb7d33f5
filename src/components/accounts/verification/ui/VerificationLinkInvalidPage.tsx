import { Card, PageHeader } from '../../../../surface';
import { ACCOUNT_PATHS } from '../../account-paths';
import { VERIFICATION_LINK_TTL_TEXT } from '../verification-policy';

/** The message of the page below, for tests and docs/troubleshooting.md. */
export const VERIFICATION_LINK_INVALID = `This verification link cannot be used. It was used already, is older than ${VERIFICATION_LINK_TTL_TEXT}, was cut short, or is for an address the account no longer has.`;

/**
 * One page for every link that does not verify (unknown, used, expired,
 * tampered with, for another address): the reasons are the holder's own
 * business, and the way on is the same for all.
 */
export function VerificationLinkInvalidPage() {
  return (
    <>
      <PageHeader title="This link cannot be used" />
      <Card id="verification-link-invalid" title="Get a new link" as="section">
        <p>{VERIFICATION_LINK_INVALID}</p>
        <p>
          If you copied the link by hand, copy the whole of it from the mail. Otherwise{' '}
          <a href={ACCOUNT_PATHS.account}>sign in and open your account page</a>: if your address still needs confirming, press “Send a new
          link” there, and use the newest mail.
        </p>
      </Card>
    </>
  );
}
