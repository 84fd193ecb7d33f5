import { pino, type DestinationStream, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import { currentComponent, currentRequestId } from '../../../platform/observability/component-scope';
import type { LogSettings } from './log-settings';

/**
 * Where a log line could carry a secret if someone logged a request or a
 * response object whole: censored even though no line of ours logs them (the
 * request line names only method, route, status and duration).
 */
export const REDACTED_PATHS = [
  'req.headers',
  'req.cookies',
  'req.query',
  'req.body',
  'req.url',
  'req.originalUrl',
  'res.headers',
  'headers',
  'cookies',
];

/** Nothing to write: a silenced test app. */
const NOWHERE: DestinationStream = { write: () => undefined };

const writers = new Map<string, DestinationStream>();

/**
 * stdout, written synchronously (nothing is lost when the process exits right
 * after a line, as it does on a failed start) and in this process (no worker
 * thread for pino-pretty). One writer per format and process, shared by the
 * logger main.ts starts with and the app's own.
 */
function stdoutFor(settings: LogSettings): DestinationStream {
  const key = `${settings.format}:${settings.colors}`;
  let writer = writers.get(key);
  if (!writer) {
    writer =
      settings.format === 'json'
        ? pino.destination({ dest: 1, sync: true })
        : PinoPretty({
            destination: 1,
            sync: true,
            colorize: settings.colors,
            singleLine: true,
            translateTime: 'SYS:HH:MM:ss.l',
            // `INFO: demo [Posts] message {"reqId":"…"}`: the component and the Nest context up front.
            ignore: 'pid,hostname,context,component',
            messageFormat: '{component} {if context}[{context}] {end}{msg}',
          });
    writers.set(key, writer);
  }
  return writer;
}

/**
 * What every line carries from the running code's scope: its component, and
 * inside a request its id. Read per line from the one scope each request
 * enters anyway, instead of a child logger and a second async context made
 * for every request whether it logs or not.
 */
function scopeFields(): { component: string; reqId?: string } {
  const reqId = currentRequestId();
  return reqId === undefined ? { component: currentComponent() } : { reqId, component: currentComponent() };
}

/**
 * The app's pino logger: LOG_LEVEL, JSON lines in production (level as its
 * name, time as ISO 8601) or readable lines otherwise, `component` on every
 * line (the component the running code works for, `platform` outside any),
 * and `reqId` on every line made while serving a request, and the redaction above. Written to stdout unless `destination` says otherwise.
 */
export function createAppLogger(settings: LogSettings, destination?: DestinationStream): Logger {
  const json = settings.format === 'json';
  return pino(
    {
      level: settings.level,
      mixin: scopeFields,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(json ? { formatters: { level: (label: string) => ({ level: label }) }, timestamp: pino.stdTimeFunctions.isoTime } : {}),
    },
    destination ?? (settings.level === 'silent' ? NOWHERE : stdoutFor(settings)),
  );
}
