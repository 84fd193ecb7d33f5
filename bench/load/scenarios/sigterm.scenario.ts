import { beginRun, errorLogNote, figuresOf, pause, reconcileRun, ScenarioContext, startApp, writesCheck } from '../scenario-context';
import { check, formatDuration, resultOf, ScenarioResult } from '../scenario-result';
import { shutdownTimeline } from '../shutdown-timeline';
import { Traffic } from '../traffic';
import { formatStatuses, formatUnanswered, TrafficCounts, unexpectedStatuses } from '../traffic-counts';
import { signUpVirtualUsers } from '../virtual-users';
import { within } from '../../../src/testing/process/within';

/** How long the app may take to drain and exit after SIGTERM before the scenario gives up and kills it. */
const EXIT_WAIT_MS = 30_000;

const unanswered = (counts: TrafficCounts) => counts.total - counts.answered;

/**
 * `sigterm`: SIGTERM to the app halfway through, as a process manager or a
 * deploy sends it. Expected: every request the app had accepted is
 * answered (no connection dropped under it), the app exits by itself with
 * code 0, and no acknowledged post is lost. Requests sent after the signal
 * may be refused (the server stops listening) or not read (after an answer
 * with `Connection: close`); they are counted apart. Traffic stops only
 * once the app has exited, so nothing the app was still doing is cut off
 * by the load generator.
 */
export async function sigtermScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { database, connections, durationS, log } = context;
  const run = await beginRun(context, 'sigterm');
  const app = await startApp(context, 'sigterm', database.runtimeUrl);
  let traffic: Traffic | undefined;
  try {
    const sessions = await signUpVirtualUsers(context, app.baseUrl, run);
    log(`${connections} connections; SIGTERM to the app after ${(durationS / 2).toFixed(0)} s …`);
    traffic = new Traffic({ targets: [app.baseUrl], connections, sessions, titlePrefix: run.titlePrefix, maxSeconds: durationS + 90, log });
    await pause(context, (durationS * 1000) / 2);

    const signalAt = traffic.now();
    log(`sending SIGTERM to the app (pid ${app.pid}) …`);
    app.terminate();
    const exit = await within(app.exited, EXIT_WAIT_MS);
    const exitAt = traffic.now();
    if (!exit) {
      log(`the app had not exited ${EXIT_WAIT_MS / 1000} s after SIGTERM; killing it`);
      app.kill();
    }
    const result = await traffic.stop();
    const ledger = await reconcileRun(context, run, result.records);
    const timeline = shutdownTimeline(result.records, signalAt);
    const { before, inFlight, after } = timeline;
    const closedAfter = after.dropped;
    return resultOf(
      'sigterm',
      [
        check(
          'before SIGTERM: only 2xx/3xx, every request answered',
          unexpectedStatuses(before) === 0 && unanswered(before) === 0,
          `${formatStatuses(before)}; ${formatUnanswered(before)} without an answer`,
        ),
        check(
          'every request in flight at SIGTERM completed',
          unanswered(inFlight) === 0 && unexpectedStatuses(inFlight, [503]) === 0,
          `${inFlight.total} in flight: ${formatStatuses(inFlight)}; ${formatUnanswered(inFlight, { includeCutOff: true })} without an answer`,
        ),
        check(
          'after SIGTERM: answers are 2xx/3xx (or 503), nothing hangs',
          unexpectedStatuses(after, [503]) === 0 && after.timedOut === 0,
          `${formatStatuses(after)}; timed out ${after.timedOut}`,
        ),
        check(
          'the app exited by itself with code 0',
          exit !== undefined && exit.code === 0,
          exit
            ? `exit code ${exit.code ?? exit.signal} ${formatDuration(exitAt - signalAt)} after SIGTERM`
            : `still running after ${EXIT_WAIT_MS / 1000} s; killed`,
        ),
        writesCheck(ledger),
        check(
          'no post stored whose connection was closed without an answer',
          ledger.unknown.dropped.stored === 0,
          `${ledger.unknown.dropped.sent} post(s) lost their connection, ${ledger.unknown.dropped.stored} of them stored`,
        ),
      ],
      [
        `refused after SIGTERM: ${after.refused} connection(s) refused, ${after.notAccepted} request(s) written after a \`Connection: close\` answer, ${closedAfter} closed without an answer`,
        `shutdown: ${exit ? formatDuration(exitAt - signalAt) : `over ${EXIT_WAIT_MS / 1000} s`} from SIGTERM to exit`,
        errorLogNote(app),
      ],
      figuresOf(context, result, ledger),
    );
  } finally {
    await traffic?.stop();
    await context.teardown.stop(app);
  }
}
