/**
 * The first Ctrl-C (or SIGTERM) aborts the returned controller, so the run
 * unwinds and stops what it started; a second one exits at once (the exit
 * hooks still kill what is left). `stopping` says what the unwinding stops.
 */
export function abortOnSignals(log: (line: string) => void, stopping: string): AbortController {
  const abort = new AbortController();
  const interrupt = () => {
    if (abort.signal.aborted) process.exit(130);
    log(`\ninterrupted: ${stopping} (Ctrl-C again to kill them at once) …`);
    abort.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  return abort;
}
