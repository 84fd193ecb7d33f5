import { UsageError } from '../errors/usage.error';
import { parseLoadOptions } from './load-options';

describe('parseLoadOptions', () => {
  it('runs every scenario with 64 connections and each scenario’s own duration when given nothing', () => {
    expect(parseLoadOptions([])).toEqual({
      scenarios: ['steady', 'outage', 'sigterm', 'pgbouncer'],
      explicit: false,
      durationS: undefined,
      connections: 64,
    });
  });

  it('runs only the named scenarios, once each, in the order given, with both flag spellings', () => {
    expect(parseLoadOptions(['sigterm', '--duration', '10', 'steady', '--connections=8', 'sigterm'])).toEqual({
      scenarios: ['sigterm', 'steady'],
      explicit: true,
      durationS: 10,
      connections: 8,
    });
  });

  it.each([
    [['--duration'], '--duration needs a whole number of at least 1, got nothing'],
    [['--connections', '0'], '--connections needs a whole number of at least 1, got "0"'],
    [['--duration=1.5'], '--duration needs a whole number of at least 1, got "1.5"'],
    [['stedy'], 'unknown argument "stedy"'],
  ])('rejects %j, saying what is wrong and how to call it', (argv, message) => {
    expect(() => parseLoadOptions(argv)).toThrow(UsageError);
    expect(() => parseLoadOptions(argv)).toThrow(message);
    expect(() => parseLoadOptions(argv)).toThrow('usage: npm run load --');
  });
});
