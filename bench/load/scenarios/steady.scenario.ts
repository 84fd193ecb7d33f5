import {
  beginRun,
  errorLogNote,
  figuresOf,
  pause,
  reconcileRun,
  ScenarioContext,
  startApp,
  stillRunningCheck,
  stopTrafficIfAppDies,
  writesCheck,
} from '../scenario-context';
import { check, resultOf, ScenarioResult } from '../scenario-result';
import { ServerConnectionSampler } from '../server-connections';
import { Traffic } from '../traffic';
import { countRequests, formatStatuses, formatUnanswered, unexpectedStatuses } from '../traffic-counts';
import { signUpVirtualUsers } from '../virtual-users';

/** `steady`: one instance, the full connection count, the whole duration. Zero errors, zero lost writes. */
export async function steadyScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { database, connections, durationS, log } = context;
  const run = await beginRun(context, 'steady');
  const app = await startApp(context, 'steady', database.runtimeUrl);
  const sampler = new ServerConnectionSampler(database.superuserUrl, database.state.runtime.name).start();
  let traffic: Traffic | undefined;
  try {
    const sessions = await signUpVirtualUsers(context, app.baseUrl, run);
    log(`${connections} connections for ${durationS} s …`);
    traffic = new Traffic({ targets: [app.baseUrl], connections, sessions, titlePrefix: run.titlePrefix, maxSeconds: durationS + 60, log });
    stopTrafficIfAppDies(context, app, traffic);
    await pause(context, durationS * 1000);
    const result = await traffic.drainAndStop();
    const ledger = await reconcileRun(context, run, result.records);
    const counts = countRequests(result.records);
    const pool = await sampler.stop();
    return resultOf(
      'steady',
      [
        check('only 2xx/3xx answers', unexpectedStatuses(counts) === 0, formatStatuses(counts)),
        check(
          'every request answered',
          counts.answered + counts.cutOff === counts.total,
          `${formatUnanswered(counts)} without an answer (${counts.cutOff} reads cut off at the end do not count)`,
        ),
        stillRunningCheck(app),
        writesCheck(ledger),
      ],
      [
        `server sessions of the runtime role: at most ${pool.max} (${pool.samples} samples; DATABASE_POOL_SIZE default 10)`,
        errorLogNote(app),
      ],
      figuresOf(context, result, ledger),
    );
  } finally {
    await traffic?.stop();
    await sampler.stop();
    await context.teardown.stop(app);
  }
}
