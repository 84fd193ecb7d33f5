import { check, formatDuration, resultOf } from './scenario-result';

describe('resultOf', () => {
  it('passes a scenario only when every check passed', () => {
    expect(resultOf('steady', [check('a', true, ''), check('b', true, '')], []).outcome).toBe('passed');
    expect(resultOf('steady', [check('a', true, ''), check('b', false, '')], []).outcome).toBe('failed');
  });

  it('fails a scenario without checks: it did not get far enough to pass', () => {
    expect(resultOf('outage', [], []).outcome).toBe('failed');
  });
});

describe('formatDuration', () => {
  it('says milliseconds below a second and seconds with one decimal from there on', () => {
    expect(formatDuration(42.4)).toBe('42 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(6_149)).toBe('6.1 s');
  });
});
