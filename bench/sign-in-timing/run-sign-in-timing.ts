import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CookieClient } from '../../src/testing/http/cookie-client';
import { ensureAppBuilt } from '../load/app-build';
import { AppProcess } from '../load/app-process';
import { LoadDatabase } from '../load/load-database';
import type { Teardown } from '../load/teardown';
import { describeHost } from '../test-setup/machine';
import { comparableAnswer } from './comparable-answer';
import { createKindAccounts, forgetEarlierRuns, KindEmails, WRONG_PASSWORD } from './sign-in-accounts';
import type { SignInTimingOptions } from './sign-in-timing-options';
import { KIND_LABELS, Round, roundOrder, SignInKind, SignInRun } from './sign-in-timing-report';

export interface SignInTimingContext {
  projectRoot: string;
  teardown: Teardown;
  signal: AbortSignal;
  log: (line: string) => void;
}

/**
 * `npm run bench:sign-in`: builds the app if its sources changed, starts
 * the bench's own PostgreSQL (.data/bench-sign-in) and `dist/main.js` on it,
 * creates the accounts, then times the rounds. Every process it starts is
 * registered with `context.teardown`, which the caller runs at the end.
 */
export async function runSignInTiming(options: SignInTimingOptions, context: SignInTimingContext): Promise<SignInRun> {
  const { projectRoot, teardown, signal, log } = context;
  await ensureAppBuilt(projectRoot, log);
  const database = await LoadDatabase.start(projectRoot, log, { folder: 'bench-sign-in', command: 'npm run bench:sign-in' });
  teardown.add(database);
  const postgres = await database.describe();
  await forgetEarlierRuns(database);

  const app = await AppProcess.start({
    name: 'app',
    projectRoot,
    logFile: join(projectRoot, '.data', 'bench-sign-in', 'app.log'),
    databaseUrl: database.runtimeUrl,
    csrfSecret: randomBytes(48).toString('base64url'),
    log,
  });
  const forgetApp = teardown.add(app);
  try {
    await app.waitUntilReady();
  } catch (error) {
    forgetApp();
    app.kill();
    throw error;
  }
  log(`app started (pid ${app.pid}); its log: ${app.logPath}`);

  const emails = await createKindAccounts(database, app.baseUrl);
  // A signed-out browser, as an attacker probing emails would be; one CSRF token serves every post.
  const browser = new CookieClient(app.baseUrl);
  const csrf = CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-in')).text());
  const probe = new SignInProbe(browser, csrf, emails, app);

  // One connection for the untimed clearing, so no connect sits between two rounds.
  const owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    const clearLimits = () => owner.query('DELETE FROM "AccountsRateLimit"');
    await clearLimits();
    log(`${options.warmupRounds} warm-up rounds, then ${options.rounds} measured rounds of ${Object.keys(emails).length} sign-ins`);
    const rounds: Round[] = [];
    let start = 0;
    for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
      if (signal.aborted) throw new Error('interrupted');
      if (app.exitStatus) throw new Error(`the app exited during the run; its log: ${app.logPath}\n${app.logTail()}`);
      if (round === options.warmupRounds) start = loadavg()[0];
      const times = {} as Round;
      for (const kind of roundOrder(round)) times[kind] = await probe.time(kind);
      if (round >= options.warmupRounds) rounds.push(times);
      await clearLimits();
      if (rounds.length > 0 && rounds.length % 10 === 0 && round >= options.warmupRounds) log(`  ${rounds.length} rounds measured`);
    }
    return {
      rounds,
      warmupRounds: options.warmupRounds,
      date: new Date(),
      host: describeHost(),
      postgres,
      loadAverage: { start, end: loadavg()[0] },
    };
  } finally {
    await owner.end();
  }
}

/**
 * Times failed sign-ins from sending each to the end of its answer, and
 * checks every answer: a 400 that, but for the email shown back, is the
 * first wrong password's answer. Anything else (a 429, a CSRF refusal, a
 * form error) took another path than the one measured, so the run stops.
 */
class SignInProbe {
  private reference: string | undefined;

  constructor(
    private readonly browser: CookieClient,
    private readonly csrf: string,
    private readonly emails: KindEmails,
    private readonly app: AppProcess,
  ) {}

  async time(kind: SignInKind): Promise<number> {
    const email = this.emails[kind];
    const started = performance.now();
    const response = await this.browser.postForm('/accounts/sign-in', { _csrf: this.csrf, email, password: WRONG_PASSWORD });
    const body = await response.text();
    const ms = performance.now() - started;
    const answer = comparableAnswer(body, email);
    if (kind === 'wrongPassword') this.reference ??= answer;
    if (response.status !== 400 || (this.reference !== undefined && answer !== this.reference)) {
      throw new Error(
        `POST /accounts/sign-in (${KIND_LABELS[kind]}, ${email}) answered ${response.status}${response.status === 400 ? ' with another page than the wrong password' : ', not 400'}, so it did not take the path being measured (429: a rate limit the bench did not clear; 403: the CSRF token was refused; another 400 page: a form error); see the app's log: ${this.app.logPath}`,
      );
    }
    return ms;
  }
}
