import type { MailMessage } from '../../../surface';
import { addressing, type MailRecipient } from '../account-mail-recipient';
import { VERIFICATION_LINK_TTL_TEXT } from './verification-policy';

const linkStyle = { color: '#0969da' };

const IGNORE_IF_NOT_YOU =
  'If you did not create an account, ignore this mail: nothing happens, and the account stays unverified. Someone may have typed your address by mistake.';

/**
 * The link that confirms the address. It opens a page with a button (the
 * POST uses the link up), so a mail scanner that fetches every link verifies
 * nothing. It goes to an address nobody has verified yet, so it carries no
 * text chosen by whoever signed up: no display name, only the address.
 */
export function verificationMail(email: string, links: { verify: string; account: string }): MailMessage {
  const subject = 'Confirm your email address';
  return {
    component: 'accounts',
    to: email,
    subject,
    html: (
      <>
        <p>Hello,</p>
        <p>Please confirm that {email} is your email address: open the link below and press “Confirm my address”.</p>
        <p>
          <a href={links.verify} style={linkStyle}>
            {links.verify}
          </a>
        </p>
        <p>
          The link works once, for {VERIFICATION_LINK_TTL_TEXT}. If it has expired, sign in and ask for a new one on your account page:{' '}
          <a href={links.account} style={linkStyle}>
            {links.account}
          </a>
        </p>
        <p>{IGNORE_IF_NOT_YOU}</p>
      </>
    ),
    text: [
      'Hello,',
      '',
      `Please confirm that ${email} is your email address: open this link and press "Confirm my address".`,
      '',
      links.verify,
      '',
      `The link works once, for ${VERIFICATION_LINK_TTL_TEXT}. If it has expired, sign in and ask for a new one on your account page:`,
      links.account,
      '',
      IGNORE_IF_NOT_YOU,
      '',
    ].join('\n'),
  };
}

/**
 * To the owner of an address someone just tried to sign up with. The sign-up
 * page answered as for a new address, so only the owner learns of it; the
 * mail offers their way in (sign in, or a new password), never a token. The
 * display name only if the account's address is verified (see `addressing`).
 */
export function signUpNoticeMail(recipient: MailRecipient, links: { signIn: string; passwordReset: string }): MailMessage {
  const subject = 'Someone tried to create an account with your email address';
  const { email } = recipient;
  const { to, greeting } = addressing(recipient);
  return {
    component: 'accounts',
    to,
    subject,
    html: (
      <>
        <p>{greeting}</p>
        <p>
          Someone just tried to create a new account with {email}, which already has an account. No new account was created and nothing
          about your account changed.
        </p>
        <p>
          If it was you, sign in with your password:{' '}
          <a href={links.signIn} style={linkStyle}>
            {links.signIn}
          </a>
          <br />
          Forgotten it? Set a new one:{' '}
          <a href={links.passwordReset} style={linkStyle}>
            {links.passwordReset}
          </a>
        </p>
        <p>If it was not you, you need not do anything.</p>
      </>
    ),
    text: [
      greeting,
      '',
      `Someone just tried to create a new account with ${email}, which already has an account. No new account was created and nothing about your account changed.`,
      '',
      'If it was you, sign in with your password:',
      links.signIn,
      '',
      'Forgotten it? Set a new one:',
      links.passwordReset,
      '',
      'If it was not you, you need not do anything.',
      '',
    ].join('\n'),
  };
}
