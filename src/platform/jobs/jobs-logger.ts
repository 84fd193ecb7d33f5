import { Logger as NestLogger } from '@nestjs/common';
import { Logger as WorkerLogger } from 'graphile-worker';

/** graphile-worker's logger writing through Nest's Logger, context `Jobs`. */
export function jobsLogger(nest: NestLogger = new NestLogger('Jobs')): WorkerLogger {
  return new WorkerLogger(() => (level, message) => {
    if (level === 'error') nest.error(message);
    else if (level === 'warning') nest.warn(message);
    // Per-job chatter ("Completed task 12 ... with success") is for debugging only.
    else if (level === 'info' && !/^(Completed task|Worker connected|Worker .* released)/.test(message)) nest.log(message);
    else nest.debug(message);
  });
}
