import { ButtonLink, Card, PageHeader } from '../../../../surface';
import { PASSWORD_RESET_PATHS } from '../password-reset-paths';

export const RESET_LINK_INVALID_TITLE = 'This link does not work any more';

/**
 * One page for every link that cannot set a password (unknown, expired,
 * used, cut short or changed, meant for something else, its account
 * deleted): which of these it was would help nobody but someone guessing.
 */
export function ResetLinkInvalidPage({ validMinutes }: { validMinutes: number }) {
  return (
    <>
      <PageHeader title={RESET_LINK_INVALID_TITLE} />
      <Card id="reset-link-invalid" title="Ask for a new link" as="section">
        <p>
          This password reset link is not valid any more. A link works once, for {validMinutes} minutes, and stops working when the password
          is changed. It may also have been copied incompletely from the mail.
        </p>
        <p>Your password has not been changed. Ask for a new link and use the newest mail.</p>
        <ButtonLink href={PASSWORD_RESET_PATHS.request}>Request a new link</ButtonLink>
      </Card>
    </>
  );
}
