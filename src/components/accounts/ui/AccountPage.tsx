import { Button, Card, CsrfField, DetailsList, type DisplayDate, PageHeader } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';

export interface AccountPageProps {
  displayName: string;
  email: string;
  memberSince: DisplayDate;
  activeSessions: number;
  /** The address is not verified yet: the page says so and offers a new link. */
  verificationPending: boolean;
}

/** The signed-in user's account: who they are, and signing out on every device. */
export function AccountPage({ displayName, email, memberSince, activeSessions, verificationPending }: AccountPageProps) {
  const devices =
    activeSessions === 1 ? 'You are signed in on 1 device or browser.' : `You are signed in on ${activeSessions} devices or browsers.`;
  return (
    <>
      <PageHeader title="Your account" lead={`Signed in as ${displayName}.`} />
      <Card id="account-details" title="Details" as="section">
        <DetailsList
          items={[
            { term: 'Name shown on your posts', details: displayName },
            { term: 'Email address', details: email },
            { term: 'Member since', details: <time dateTime={memberSince.iso}>{memberSince.text}</time> },
          ]}
        />
      </Card>
      {verificationPending ? (
        <Card id="verification" title="Verification pending" as="section">
          <p>{`We sent a link to ${email}: open it to confirm the address is yours. Until then you can use everything as usual.`}</p>
          <form method="post" action={ACCOUNT_PATHS.resendVerification}>
            <CsrfField />
            <Button variant="secondary">Send a new link</Button>
          </form>
        </Card>
      ) : null}
      <Card id="sessions" title="Where you are signed in" as="section">
        <p>{devices}</p>
        <p>If you signed in on a computer you no longer use, or think someone else has, sign out everywhere, this browser included.</p>
        <form method="post" action={ACCOUNT_PATHS.signOutEverywhere}>
          <CsrfField />
          <Button variant="destructive">Sign out everywhere</Button>
        </form>
      </Card>
      <Card id="account-settings" title="Password and account" as="section">
        <p>
          <a href={ACCOUNT_PATHS.changePassword}>Change your password</a> · <a href={ACCOUNT_PATHS.deleteAccount}>Delete your account</a>
        </p>
      </Card>
    </>
  );
}
