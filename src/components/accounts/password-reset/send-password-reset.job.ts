import { defineJob } from '../../../surface';

/**
 * Mails a reset link to `email` if it belongs to a live account with a
 * password, else does nothing. Queued by every accepted request, whatever
 * the address, so the request itself does the same work for all of them.
 */
export const SendPasswordReset = defineJob<{ email: string }>({ component: 'accounts', name: 'send-password-reset' });
