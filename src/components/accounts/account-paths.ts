/** The accounts component's addresses, for its controller, its redirects and the layout's links. */
export const ACCOUNT_PATHS = {
  signIn: '/accounts/sign-in',
  signUp: '/accounts/sign-up',
  signUpSent: '/accounts/sign-up/sent',
  verifyEmail: '/accounts/verify-email',
  resendVerification: '/accounts/me/verification',
  signOut: '/accounts/sign-out',
  account: '/accounts/me',
  signOutEverywhere: '/accounts/me/sign-out-everywhere',
  changePassword: '/accounts/me/password',
  deleteAccount: '/accounts/me/delete',
} as const;
