/**
 * `npm run bench:sign-in [-- --rounds <n> --warmup <n>]`: whether a failed
 * sign-in takes as long for an unknown email, a placeholder or a deleted
 * account as for a real account's wrong password (the dummy hash of
 * AccountsComponentService.signIn), over real HTTP against the built app on
 * its own cluster under .data/bench-sign-in (bench/sign-in-timing/). Stops
 * everything it started (also on Ctrl-C), prints the table and a verdict,
 * and writes them to docs/performance.md. The verdict is reported, not
 * enforced: exit code 1 only when the run itself fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { abortOnSignals } from './load/abort-on-signals';
import { giveUpAfter } from './load/give-up-after';
import { replaceSection } from './load/load-report';
import { Teardown } from './load/teardown';
import { runSignInTiming } from './sign-in-timing/run-sign-in-timing';
import { parseSignInTimingOptions, SignInTimingOptions } from './sign-in-timing/sign-in-timing-options';
import { UsageError } from './errors/usage.error';
import { SIGN_IN_SECTION_HEADING, signInSection } from './sign-in-timing/sign-in-timing-report';

/** Build (when sources changed), cluster start and migrations, app start, sign-up. */
const SETUP_ALLOWANCE_S = 10 * 60;

const log = (line: string) => console.log(line);

async function main(options: SignInTimingOptions, abort: AbortController, teardown: Teardown): Promise<void> {
  const projectRoot = join(__dirname, '..');
  // The app, the Prisma CLI (migrations) and the embedded binaries resolve paths from the working directory.
  process.chdir(projectRoot);
  const run = await runSignInTiming(options, { projectRoot, teardown, signal: abort.signal, log });
  const section = signInSection(run);
  log(`\n${section}`);
  const docs = join(projectRoot, 'docs', 'performance.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), SIGN_IN_SECTION_HEADING, section));
  log(`\nwritten to docs/performance.md (section "${SIGN_IN_SECTION_HEADING}")`);
}

function run(): void {
  let options: SignInTimingOptions;
  try {
    options = parseSignInTimingOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run bench:sign-in: ${error.message}`);
    process.exit(2);
  }
  const teardown = new Teardown(log);
  const abort = abortOnSignals(log, 'stopping the app and PostgreSQL');
  // A sign-in costs well under a second even on a busy machine; 4 per round.
  giveUpAfter('npm run bench:sign-in', SETUP_ALLOWANCE_S + 4 * (options.rounds + options.warmupRounds));

  let code = 1;
  void main(options, abort, teardown)
    .then(
      () => (code = 0),
      (error: Error) => {
        code = abort.signal.aborted ? 130 : 1;
        console.error(`npm run bench:sign-in failed: ${error.message}`);
      },
    )
    .finally(async () => {
      await teardown.stopAll();
      process.exit(code);
    });
}

run();
