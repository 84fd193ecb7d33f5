import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { readSessionPolicy } from './session-policy';

const MINUTE = 60_000;

describe('readSessionPolicy', () => {
  it('defaults to sessions that end after 7 idle days and at most 30 days after sign-in', () => {
    expect(readSessionPolicy({})).toEqual({ idleMs: 7 * 24 * 60 * MINUTE, absoluteMs: 30 * 24 * 60 * MINUTE });
  });

  it('treats empty settings as unset', () => {
    expect(readSessionPolicy({ ACCOUNTS_SESSION_IDLE_MINUTES: '', ACCOUNTS_SESSION_MAX_MINUTES: '' })).toEqual(readSessionPolicy({}));
  });

  it('reads both limits in minutes', () => {
    expect(readSessionPolicy({ ACCOUNTS_SESSION_IDLE_MINUTES: '30', ACCOUNTS_SESSION_MAX_MINUTES: '480' })).toEqual({
      idleMs: 30 * MINUTE,
      absoluteMs: 480 * MINUTE,
    });
  });

  it('never lets the idle limit exceed the absolute one', () => {
    expect(readSessionPolicy({ ACCOUNTS_SESSION_IDLE_MINUTES: '600', ACCOUNTS_SESSION_MAX_MINUTES: '60' })).toEqual({
      idleMs: 60 * MINUTE,
      absoluteMs: 60 * MINUTE,
    });
  });

  it.each([
    ['ACCOUNTS_SESSION_IDLE_MINUTES', '0', 10080],
    ['ACCOUNTS_SESSION_IDLE_MINUTES', '-5', 10080],
    ['ACCOUNTS_SESSION_IDLE_MINUTES', '1.5', 10080],
    ['ACCOUNTS_SESSION_MAX_MINUTES', 'a week', 43200],
    ['ACCOUNTS_SESSION_MAX_MINUTES', '30d', 43200],
  ])('refuses %s=%j with a message naming the variable and the fix', (name, value, example) => {
    const read = () => readSessionPolicy({ [name]: value });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(`${name}="${value}" is not a positive whole number; set it to e.g. ${example} or remove it`);
  });
});
