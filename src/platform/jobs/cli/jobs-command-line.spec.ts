import { parseJobsCommand } from './jobs-command-line';
import { UsageError } from './usage.error';

function usageError(args: string[]): string {
  try {
    parseJobsCommand(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`parsed ${args.join(' ')} without a usage error`);
}

describe('parseJobsCommand', () => {
  it('reads each command, retry with one or several ids (each once) or all', () => {
    expect(parseJobsCommand(['status'])).toEqual({ name: 'status' });
    expect(parseJobsCommand(['failed'])).toEqual({ name: 'failed' });
    expect(parseJobsCommand(['migrate'])).toEqual({ name: 'migrate' });
    expect(parseJobsCommand(['retry', '12'])).toEqual({ name: 'retry', jobs: ['12'] });
    expect(parseJobsCommand(['retry', '12', '7', '12'])).toEqual({ name: 'retry', jobs: ['12', '7'] });
    expect(parseJobsCommand(['retry', 'all'])).toEqual({ name: 'retry', jobs: 'all' });
    expect(parseJobsCommand(['--help'])).toEqual({ name: 'help' });
    expect(parseJobsCommand(['-h'])).toEqual({ name: 'help' });
  });

  it('refuses what it cannot run, saying what was wrong', () => {
    expect(usageError([])).toBe('no command given');
    expect(usageError(['stats'])).toBe('unknown command "stats"');
    expect(usageError(['status', 'now'])).toBe('status takes no arguments, got "now"');
    expect(usageError(['retry'])).toBe('retry needs a job id (as `failed` lists them) or all');
    expect(usageError(['retry', 'all', '12'])).toBe('retry all takes no job ids besides');
    // Not ids: a sign, a leading zero, a fraction, and more digits than a bigint holds.
    expect(usageError(['retry', '-1', '012', '1.5', '1234567890123456789'])).toBe(
      'retry takes job ids (whole numbers, as `failed` lists them) or all, got "-1", "012", "1.5", "1234567890123456789"',
    );
  });
});
