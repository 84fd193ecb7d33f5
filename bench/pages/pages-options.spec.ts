import { DEFAULT_PAGES_OPTIONS, parsePagesOptions } from './pages-options';

describe('parsePagesOptions', () => {
  it('uses two rounds of 8 s at 32 connections, without profiling, when given nothing', () => {
    expect(parsePagesOptions([])).toEqual(DEFAULT_PAGES_OPTIONS);
  });

  it('reads the profile switch and the numbers', () => {
    expect(parsePagesOptions(['--profile', '--rounds', '3', '--duration', '5', '--connections', '16'])).toEqual({
      ...DEFAULT_PAGES_OPTIONS,
      profile: true,
      rounds: 3,
      durationS: 5,
      connections: 16,
    });
  });

  it('refuses an unknown argument or a number that is not a whole number above 0, showing the usage', () => {
    expect(() => parsePagesOptions(['--rounds', '0'])).toThrow(/--rounds needs a whole number above 0, got 0; usage: npm run bench:pages/);
    expect(() => parsePagesOptions(['--duration'])).toThrow(/got nothing/);
    expect(() => parsePagesOptions(['--fast'])).toThrow(/unknown argument --fast; usage/);
    expect(() => parsePagesOptions(['--before'])).toThrow(/--before needs a directory, got nothing; usage/);
  });

  it('reads the other build to compare with as an absolute directory', () => {
    expect(parsePagesOptions(['--before', 'relative/dir']).before).toBe(`${process.cwd()}/relative/dir`);
  });
});
