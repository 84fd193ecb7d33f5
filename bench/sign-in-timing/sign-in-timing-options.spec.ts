import { DEFAULT_SIGN_IN_TIMING_OPTIONS, parseSignInTimingOptions } from './sign-in-timing-options';

describe('parseSignInTimingOptions', () => {
  it('measures 30 rounds after 3 warm-up rounds when given nothing', () => {
    expect(parseSignInTimingOptions([])).toEqual({ rounds: 30, warmupRounds: 3 });
    expect(DEFAULT_SIGN_IN_TIMING_OPTIONS).toEqual({ rounds: 30, warmupRounds: 3 });
  });

  it('reads the rounds and the warm-up, which may be none', () => {
    expect(parseSignInTimingOptions(['--rounds', '12', '--warmup', '0'])).toEqual({ rounds: 12, warmupRounds: 0 });
  });

  it('refuses an unknown argument, no rounds or a number that is not whole, showing the usage', () => {
    expect(() => parseSignInTimingOptions(['--rounds', '0'])).toThrow(
      /--rounds needs a whole number above 0, got 0; usage: npm run bench:sign-in/,
    );
    expect(() => parseSignInTimingOptions(['--warmup', '1.5'])).toThrow(/--warmup needs a whole number, got 1\.5/);
    expect(() => parseSignInTimingOptions(['--rounds'])).toThrow(/got nothing/);
    expect(() => parseSignInTimingOptions(['--fast'])).toThrow(/unknown argument --fast; usage/);
  });
});
