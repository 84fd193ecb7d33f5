/** One line of the app's JSON log, as a collector would parse it. */
export type LogEntry = Record<string, unknown> & { level?: string; msg?: string; reqId?: string; context?: string; component?: string };

/** The lines of a log file, without the empty one after the last newline. */
export function logLines(log: string): string[] {
  return log.split('\n').filter((line) => line !== '');
}

/** The lines that are not one JSON object each: what a collector of JSON lines could not read. */
export function nonJsonLines(log: string): string[] {
  return logLines(log).filter((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return typeof value !== 'object' || value === null || Array.isArray(value);
    } catch {
      return true;
    }
  });
}

/** Every line of a log of JSON lines, parsed; fails naming the first line that is not one. */
export function jsonLogEntries(log: string): LogEntry[] {
  const odd = nonJsonLines(log);
  if (odd.length > 0) throw new Error(`${odd.length} log line(s) are not JSON objects, the first: ${odd[0]}`);
  return logLines(log).map((line) => JSON.parse(line) as LogEntry);
}

/** The "request completed" lines of a request id (one expected). */
export function requestLinesOf(entries: LogEntry[], reqId: string): LogEntry[] {
  return entries.filter((entry) => entry.msg === 'request completed' && entry.reqId === reqId);
}
