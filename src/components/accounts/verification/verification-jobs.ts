import { defineJob } from '../../../surface';

/** Which account a mail job is for; the job reads the rest (address, name) when it runs. */
export interface AccountMailJob {
  accountId: string;
}

/** A verification link to the account's address: after a sign-up, and when its owner asks again. */
export const SendVerification = defineJob<AccountMailJob>({ component: 'accounts', name: 'send-verification' });

/** "Someone tried to sign up with your address": a sign-up for an address that already has an account. */
export const SendSignUpNotice = defineJob<AccountMailJob>({ component: 'accounts', name: 'send-sign-up-notice' });
