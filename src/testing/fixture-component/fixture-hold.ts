import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';

/**
 * A knob of the failure tests (src/server/test/events-and-jobs/failures/), set in the
 * environment of one app instance only: with `FIXTURE_HOLD_FILE` set, the
 * fixture's listeners and job log `holding <what>` when they start and then
 * wait, inside their run (and its transaction), until that file exists. So a
 * test knows a delivery is under way in that process, and decides when it
 * may finish (or kills the process first); an instance started without the
 * setting runs the same delivery at once.
 */
export async function holdIfAsked(what: string): Promise<void> {
  const file = process.env.FIXTURE_HOLD_FILE;
  if (!file) return;
  const logger = new Logger('FixtureHold');
  logger.log(`holding ${what} until ${file} exists`);
  while (!existsSync(file)) await sleep(50);
  logger.log(`released ${what}`);
}
