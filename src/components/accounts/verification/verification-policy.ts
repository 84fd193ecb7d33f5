/**
 * How long a verification link works: a day, so a mail read the next morning
 * still works. Longer than a reset link (30 minutes) because it grants less:
 * it confirms an address, it does not sign anyone in or change a password.
 */
export const VERIFICATION_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** The lifetime as the mail and the pages say it. */
export const VERIFICATION_LINK_TTL_TEXT = '24 hours';
