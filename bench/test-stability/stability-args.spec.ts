import { readStabilityArgs } from './stability-args';

describe('readStabilityArgs', () => {
  it('runs the suite three times with two workers and no busy loops when given nothing', () => {
    expect(readStabilityArgs([])).toEqual({ runs: 3, workers: 2, busy: 0 });
  });

  it('reads runs, workers and busy loops in any order', () => {
    expect(readStabilityArgs(['--busy', '2', '--workers', '4', '--runs', '1'])).toEqual({ runs: 1, workers: 4, busy: 2 });
  });

  it.each([
    [['--runs', '0'], /--runs needs a whole number of at least 1, got 0/],
    [['--workers'], /--workers needs a whole number of at least 1, got nothing/],
    [['--busy', '-1'], /--busy needs a whole number of at least 0, got -1/],
    [['--fast', '1'], /unknown option --fast/],
    [['3'], /unknown option 3/],
  ])('refuses %j with a message naming the option and the usage', (argv, message) => {
    expect(() => readStabilityArgs(argv)).toThrow(message);
    expect(() => readStabilityArgs(argv)).toThrow(/usage: npm run test:stability -- \[--runs N\]/);
  });
});
