// The "done when": a password reset requested from an instance that is
// killed with SIGKILL right after it answered still reaches the mailbox once
// another instance runs. The request only queues a job, in its own commit;
// the job (and the mail job it queues) are rows, so they outlive the process.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readMailSettings } from '../../../../platform/mail/mail-settings';
import { CookieClient } from '../../../../testing/http/cookie-client';
import { readMailFile } from '../../../../testing/mail/mailbox';
import { INSTANCE_START_TIMEOUT_MS } from '../../../../testing/process/fixture-app-instance';
import { waitForValue } from '../../../../testing/process/wait-until';
import { useFailureFixture } from './failure-fixture';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';

/** A bound on a hang (the successor runs two jobs: the reset's, then the mail's), never a measure of speed. */
const MAIL_ARRIVES_TIMEOUT_MS = 60_000;

async function mailTo(directory: string, address: string) {
  const files = (await readdir(directory).catch(() => [] as string[])).filter((file) => file.endsWith('.eml'));
  const messages = await Promise.all(files.map((file) => readMailFile(join(directory, file))));
  return messages.filter((mail) => mail.to === address);
}

describe('a password reset requested just before the instance was killed (kill -9)', () => {
  const fixture = useFailureFixture();

  it(
    'is mailed by the next instance that runs jobs, once',
    async () => {
      const email = `killed-${Date.now()}@example.test`;
      await fixture.server.prisma.accountsUser.create({
        // Any hash: a reset never verifies the old password, it only needs an account that has one.
        data: { email, displayName: 'Killed Instance Owner', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA' },
      });
      const directory = readMailSettings(process.env).transport;
      if (directory.kind !== 'file') throw new Error('this test reads the file transport; unset SMTP_URL');

      // JOBS_CONCURRENCY=0: this instance answers but runs no job, so the reset is still queued when it dies.
      const first = await fixture.instances.start({ name: 'answers-then-killed', env: { JOBS_CONCURRENCY: '0' } });
      const browser = new CookieClient(first.baseUrl);
      const form = await browser.get('/accounts/password-reset');
      const answer = await browser.postForm('/accounts/password-reset', { _csrf: CookieClient.csrfTokenIn(await form.text()), email });
      await first.kill();
      const mailedBeforeTheKill = await mailTo(directory.directory, email);
      const queuedWhenKilled = (await fixture.probe.jobs('job:')).map((job) => job.task);

      await fixture.instances.start({ name: 'successor' });
      const mailed = await waitForValue(
        `the reset mail to ${email} in ${directory.directory}`,
        () => mailTo(directory.directory, email),
        (messages) => messages.length > 0,
        { timeoutMs: MAIL_ARRIVES_TIMEOUT_MS },
      );
      // Once every job is done, a second copy could only be already there: count then.
      await waitForValue(
        'an empty job queue',
        () => fixture.probe.jobs('job:'),
        (jobs) => jobs.length === 0,
        { timeoutMs: MAIL_ARRIVES_TIMEOUT_MS },
      );
      const mailedInTheEnd = await mailTo(directory.directory, email);

      expect(answer.status).toBe(303);
      expect(mailedBeforeTheKill).toEqual([]);
      expect(queuedWhenKilled).toEqual(['job:accounts.send-password-reset']);
      expect(mailedInTheEnd).toHaveLength(1);
      expect(mailed[0].links.some((link) => new URL(link).pathname === '/accounts/password-reset/new')).toBe(true);
    },
    jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, INSTANCE_START_TIMEOUT_MS, MAIL_ARRIVES_TIMEOUT_MS, MAIL_ARRIVES_TIMEOUT_MS]),
  );
});
