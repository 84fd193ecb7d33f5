import type { INestApplication } from '@nestjs/common';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CookieClient } from '../../../testing/http/cookie-client';
import { mailbox, pathOf, type ReceivedMail } from '../../../testing/mail/mailbox';
import { PASSWORD_RESET_PATHS } from '../password-reset/password-reset-paths';

/** Asks for a reset link as a browser does: the form's page (for its CSRF token), then the POST. */
export async function requestReset(browser: CookieClient, email: string): Promise<Response> {
  const page = await browser.get(PASSWORD_RESET_PATHS.request);
  return browser.postForm(PASSWORD_RESET_PATHS.request, { _csrf: CookieClient.csrfTokenIn(await page.text()), email });
}

/** The reset link of a mail, as a path on the test server; fails the test when the mail has none. */
export function resetPathIn(mail: ReceivedMail): string {
  const link = mail.links.find((candidate) => new URL(candidate).pathname === PASSWORD_RESET_PATHS.newPassword);
  if (!link) throw new Error(`the mail "${mail.subject}" to ${mail.to} has no reset link: ${mail.links.join(' ')}`);
  return pathOf(link);
}

/** Runs the queued jobs (the reset job, then the send-mail job it queued) and reads the newest reset mail to `email`. */
export async function deliveredResetMail(app: INestApplication, email: string): Promise<ReceivedMail> {
  const report = await eventScenario(app).runPendingJobs();
  if (report.failed > 0) throw new Error(`${report.failed} job run(s) failed while delivering the reset mail`);
  return mailbox(app).latestTo(email);
}

/** The token of a reset path. */
export const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token') ?? '';

/** Opens the link's page and sends its form with `password`. @returns the form's page and the POST's answer */
export async function setNewPassword(browser: CookieClient, path: string, password: string): Promise<{ page: Response; answer: Response }> {
  const page = await browser.get(path);
  const html = await page.clone().text();
  const fields = /name="_csrf"/.test(html)
    ? { _csrf: CookieClient.csrfTokenIn(html), token: tokenOf(path), password }
    : { _csrf: CookieClient.csrfTokenIn(await (await browser.get(PASSWORD_RESET_PATHS.request)).text()), token: tokenOf(path), password };
  return { page, answer: await browser.postForm(PASSWORD_RESET_PATHS.newPassword, fields) };
}
