import { defineJob } from '../jobs/job-type';
import type { RenderedMail } from './mail-message';

/**
 * The platform's one job: send a rendered message. Retried with
 * graphile-worker's backoff (about 3 hours over 10 attempts) when the SMTP
 * server refuses or cannot be reached, then dead-lettered with the last
 * error (`npm run jobs -- failed`), never dropped.
 */
export const SendMail = defineJob<RenderedMail>({ component: 'platform', name: 'send-mail', maxAttempts: 10 });
