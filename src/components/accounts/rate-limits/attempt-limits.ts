/** One limit: at most `points` attempts per key in a window of `durationSeconds`, counted from the first. */
export interface AttemptLimit {
  points: number;
  durationSeconds: number;
}

/**
 * Attempts allowed per email address and per client address. Per email stops
 * guessing one account's password from many addresses; per address stops one
 * client trying many accounts, and is looser because offices and mobile
 * networks share an address. A kind without `address` counts per email only
 * (`verification-resend`: only a signed-in owner can ask, for their own address).
 */
export const ATTEMPT_LIMITS = {
  'sign-in': {
    email: { points: 10, durationSeconds: 15 * 60 },
    address: { points: 100, durationSeconds: 15 * 60 },
  },
  'sign-up': {
    email: { points: 5, durationSeconds: 60 * 60 },
    address: { points: 20, durationSeconds: 60 * 60 },
  },
  // Per email: at most 5 reset mails an hour land in one mailbox, however many clients ask.
  'password-reset': {
    email: { points: 5, durationSeconds: 60 * 60 },
    address: { points: 20, durationSeconds: 60 * 60 },
  },
  'verification-resend': {
    email: { points: 3, durationSeconds: 60 * 60 },
  },
} as const satisfies Record<string, { email: AttemptLimit; address?: AttemptLimit }>;

export type AttemptKind = keyof typeof ATTEMPT_LIMITS;

/** The kinds counted per client address too. */
export type AddressCountedKind = { [K in AttemptKind]: 'address' extends keyof (typeof ATTEMPT_LIMITS)[K] ? K : never }[AttemptKind];

const ACTION: Record<AttemptKind, string> = {
  'sign-in': 'sign-in attempts',
  'sign-up': 'sign-up attempts',
  'password-reset': 'password reset requests',
  'verification-resend': 'requests for a verification mail',
};

/** "Wait 14 minutes", "Wait 1 minute", "Wait 30 seconds": rounded up, so waiting that long is enough. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `Wait ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function tooManyAttemptsMessage(kind: AttemptKind, by: 'email' | 'address', retryAfterSeconds: number): string {
  const source = by === 'email' ? 'for this email address' : 'from your network address';
  return `Too many ${ACTION[kind]} ${source}. ${waitText(retryAfterSeconds)}, then try again.`;
}
