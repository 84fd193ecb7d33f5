import { FULL_SIZES, parseEventsBenchOptions, QUICK_SIZES } from './events-options';

describe('parseEventsBenchOptions', () => {
  it('runs the full sizes when given nothing', () => {
    expect(parseEventsBenchOptions([])).toEqual({ quick: false, sizes: FULL_SIZES });
  });

  it('runs fewer samples of everything with --quick', () => {
    const { quick, sizes } = parseEventsBenchOptions(['--quick']);
    expect(quick).toBe(true);
    expect(sizes).toBe(QUICK_SIZES);
    for (const key of Object.keys(FULL_SIZES) as (keyof typeof FULL_SIZES)[]) {
      expect(QUICK_SIZES[key]).toBeLessThanOrEqual(FULL_SIZES[key]);
    }
  });

  it('refuses anything else, showing the usage', () => {
    expect(() => parseEventsBenchOptions(['--fast'])).toThrow('unknown argument --fast; usage: npm run bench:events [-- --quick]');
  });
});
