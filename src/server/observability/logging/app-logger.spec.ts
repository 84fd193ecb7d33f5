import type { DestinationStream } from 'pino';
import { inComponentScope } from '../../../platform/observability/component-scope';
import { createAppLogger } from './app-logger';
import { LOG_LEVELS, readLogSettings } from './log-settings';
import { nestLoggerOver } from './nest-logger';

/** A destination keeping every JSON line it is given, parsed. */
function memory(): DestinationStream & { entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  return { entries, write: (line: string) => void entries.push(JSON.parse(line) as Record<string, unknown>) };
}

const JSON_INFO = { level: 'info', format: 'json', colors: false } as const;

describe('the app logger', () => {
  it('names the component the running code works for on every line, and platform outside any', () => {
    const out = memory();
    const logger = createAppLogger(JSON_INFO, out);

    inComponentScope({ component: 'demo' }, () => logger.info('inside'));
    inComponentScope({ resolve: () => 'accounts' }, () => logger.info('resolved'));
    logger.info('outside');

    expect(out.entries.map(({ msg, component }) => ({ msg, component }))).toEqual([
      { msg: 'inside', component: 'demo' },
      { msg: 'resolved', component: 'accounts' },
      { msg: 'outside', component: 'platform' },
    ]);
  });

  it('writes a Nest Logger error with its stack, its context and the level by name', () => {
    const out = memory();
    const error = new Error('the database went away');

    nestLoggerOver(createAppLogger(JSON_INFO, out)).error('GET /demo/posts answered 500', error.stack, 'Errors');

    expect(out.entries).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'Errors',
        err: expect.objectContaining({ message: 'GET /demo/posts answered 500', stack: expect.stringContaining('\n    at ') }),
      }),
    ]);
  });

  it('censors headers and cookies of a request or response object logged whole', () => {
    const out = memory();

    createAppLogger(JSON_INFO, out).info(
      { req: { headers: { cookie: 'session=abc' }, url: '/x?token=t' }, res: { headers: { 'set-cookie': 's' } } },
      'whole',
    );

    expect(JSON.stringify(out.entries)).not.toMatch(/session=abc|token=t|set-cookie/);
  });
});

describe('LOG_LEVEL', () => {
  it('is info by default, and JSON lines only with NODE_ENV=production', () => {
    expect(readLogSettings({}, false)).toEqual({ level: 'info', format: 'pretty', colors: false });
    expect(readLogSettings({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }, false)).toEqual({ level: 'warn', format: 'json', colors: false });
    expect(readLogSettings({ NO_COLOR: '1' }, true).colors).toBe(false);
  });

  it.each(LOG_LEVELS)('accepts %s', (level) => {
    expect(readLogSettings({ LOG_LEVEL: level }, false).level).toBe(level);
  });

  it('refuses any other value in one line naming LOG_LEVEL, the levels and the fix', () => {
    expect(() => readLogSettings({ LOG_LEVEL: 'loud' }, false)).toThrow(
      'LOG_LEVEL="loud" is not a log level; set it to one of fatal, error, warn, info, debug, trace (default info), or remove it',
    );
  });
});
