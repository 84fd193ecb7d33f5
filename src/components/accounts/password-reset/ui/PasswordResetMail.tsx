export interface PasswordResetMailProps {
  /** "Hello <name>," for a verified address, else "Hello," (see `addressing`). */
  greeting: string;
  /** The absolute link carrying the token. */
  link: string;
  validMinutes: number;
}

export const PASSWORD_RESET_SUBJECT = 'Reset your password';

/** The HTML part of the reset mail. Every value is escaped by React, a display name with markup included. */
export function PasswordResetMail({ greeting, link, validMinutes }: PasswordResetMailProps) {
  return (
    <>
      <p>{greeting}</p>
      <p>Someone asked to reset the password of your account. To choose a new password, open this link:</p>
      <p>
        <a href={link}>Choose a new password</a>
      </p>
      <p>{`The link works once, for ${validMinutes} minutes. If it has expired, ask for a new one on the sign-in page (“Forgot your password?”).`}</p>
      <p>If you did not ask for this, ignore this mail; your password is unchanged.</p>
    </>
  );
}

/** The plain-text part, with the same content. */
export function passwordResetText({ greeting, link, validMinutes }: PasswordResetMailProps): string {
  return [
    greeting,
    '',
    'Someone asked to reset the password of your account. To choose a new password, open this link:',
    '',
    link,
    '',
    `The link works once, for ${validMinutes} minutes. If it has expired, ask for a new one on the sign-in page ("Forgot your password?").`,
    '',
    'If you did not ask for this, ignore this mail; your password is unchanged.',
    '',
  ].join('\n');
}
