import type { LoadRun, ScenarioContext } from './scenario-context';
import { signUpSession, SignedInSession } from './signed-in-session';

/**
 * Accounts per scenario; the connections take turns with them, as a few
 * busy people would. Few, because the app allows 20 sign-ups an hour from
 * one network address (attempt-limits.ts) and every virtual user comes
 * from 127.0.0.1; LoadDatabase.deleteLoadData clears the counters before
 * each scenario.
 */
export const VIRTUAL_USERS = 8;

/**
 * Signs the run's virtual users up through the app at `baseUrl`, one after
 * another, before the timed traffic starts: only a signed-in user may add a
 * post. Their emails start with the run's title prefix, so the next run
 * removes them with its posts.
 */
export async function signUpVirtualUsers(context: ScenarioContext, baseUrl: string, run: LoadRun): Promise<SignedInSession[]> {
  const count = Math.min(context.connections, VIRTUAL_USERS);
  const started = performance.now();
  const sessions: SignedInSession[] = [];
  for (let i = 1; i <= count; i++) {
    sessions.push(await signUpSession(baseUrl, { email: `${run.titlePrefix}user-${i}@example.test`, displayName: `Load user ${i}` }));
  }
  context.log(
    `signed up ${count} virtual user(s) through /accounts/sign-up in ${(performance.now() - started).toFixed(0)} ms; the ${context.connections} connections take turns with them`,
  );
  return sessions;
}
