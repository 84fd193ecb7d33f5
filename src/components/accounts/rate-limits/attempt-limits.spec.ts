import { ATTEMPT_LIMITS, tooManyAttemptsMessage, waitText } from './attempt-limits';

describe('waitText', () => {
  it.each([
    [1, 'Wait 1 second'],
    [30, 'Wait 30 seconds'],
    [59, 'Wait 59 seconds'],
    [60, 'Wait 1 minute'],
    [61, 'Wait 2 minutes'],
    [120, 'Wait 2 minutes'],
    [14 * 60 + 1, 'Wait 15 minutes'],
    [3600, 'Wait 60 minutes'],
  ])('says %i seconds as %j, rounding up so waiting that long is enough', (seconds, text) => {
    expect(waitText(seconds)).toBe(text);
  });
});

describe('tooManyAttemptsMessage', () => {
  it('names the kind of attempt, what was counted and how long to wait', () => {
    expect(tooManyAttemptsMessage('sign-in', 'email', 840)).toBe(
      'Too many sign-in attempts for this email address. Wait 14 minutes, then try again.',
    );
    expect(tooManyAttemptsMessage('sign-up', 'address', 45)).toBe(
      'Too many sign-up attempts from your network address. Wait 45 seconds, then try again.',
    );
  });
});

describe('ATTEMPT_LIMITS', () => {
  it('allows fewer attempts per email than per network address, which many people may share', () => {
    for (const kind of ['sign-in', 'sign-up'] as const) {
      expect(ATTEMPT_LIMITS[kind].email.points).toBeLessThan(ATTEMPT_LIMITS[kind].address.points);
    }
    expect(ATTEMPT_LIMITS['sign-in']).toEqual({
      email: { points: 10, durationSeconds: 900 },
      address: { points: 100, durationSeconds: 900 },
    });
    expect(ATTEMPT_LIMITS['sign-up']).toEqual({
      email: { points: 5, durationSeconds: 3600 },
      address: { points: 20, durationSeconds: 3600 },
    });
  });
});

describe('the verification-resend limit', () => {
  it('counts per email address only, 3 an hour: only a signed-in owner asks, for their own address', () => {
    expect(ATTEMPT_LIMITS['verification-resend']).toEqual({ email: { points: 3, durationSeconds: 3600 } });
    expect(tooManyAttemptsMessage('verification-resend', 'email', 3599)).toBe(
      'Too many requests for a verification mail for this email address. Wait 60 minutes, then try again.',
    );
  });
});
