import { parseTestSetupArgs } from './test-setup-args';
import { FULL_RUN, QUICK_RUN } from './test-setup-modes';

describe('parseTestSetupArgs', () => {
  it('runs the global setup and the whole suite without arguments', () => {
    const { options } = parseTestSetupArgs([]);
    expect(options).toBe(FULL_RUN);
    expect(options.suite).toBe(true);
  });

  it('runs the global setup only, with fewer worker counts and a shorter watchdog, with --quick', () => {
    const quick = parseTestSetupArgs(['--quick']);
    expect(quick.options).toBe(QUICK_RUN);
    expect(quick.options.suite).toBe(false);
    expect(quick.timeoutMs).toBeLessThan(parseTestSetupArgs([]).timeoutMs);
  });

  it('rejects an unknown argument and names the ones it accepts', () => {
    expect(() => parseTestSetupArgs(['--quik'])).toThrow(
      'unknown argument "--quik"; use no argument (global setup and whole suite) or --quick (global setup only)',
    );
  });
});
