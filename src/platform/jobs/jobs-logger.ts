import { Logger as NestLogger } from '@nestjs/common';
import { Logger as WorkerLogger } from 'graphile-worker';

/**
 * graphile-worker's logger writing through Nest's Logger, context `Jobs`.
 * A failed attempt is one line (no stack) at `failures` level: `warn` for a
 * runner, `debug` for the test scenario, which reports failures itself. The
 * last attempt's failure has its own warning (task-list.ts).
 */
export function jobsLogger(nest: NestLogger = new NestLogger('Jobs'), failures: 'warn' | 'debug' = 'warn'): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    if ((meta as { failure?: boolean } | undefined)?.failure) nest[failures](message.split('\n')[0]);
    else if ((level as string) === 'error') nest.error(message);
    else if ((level as string) === 'warning') nest.warn(message);
    // Per-job chatter ("Completed task 12 ... with success") is for debugging only.
    else if ((level as string) === 'info' && !/^(Completed task|Worker connected)/.test(message)) nest.log(message);
    else nest.debug(message);
  });
}
