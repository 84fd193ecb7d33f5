/** The password reset's addresses: the request form, the page after it, and the mailed link's page. */
export const PASSWORD_RESET_PATHS = {
  request: '/accounts/password-reset',
  sent: '/accounts/password-reset/sent',
  newPassword: '/accounts/password-reset/new',
} as const;

/** How long a mailed reset link works. */
export const RESET_LINK_TTL_MINUTES = 30;
