import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppProcess } from './app-process';
import type { RequestRecord } from './connection-tracker';
import { LOAD_TITLE_PREFIX, LoadDatabase } from './load-database';
import type { ScenarioName } from './load-options';
import type { LoadMachine } from './load-report';
import { check, Check, ScenarioFigures } from './scenario-result';
import type { Teardown } from './teardown';
import { countRequests, formatStatuses, formatUnanswered } from './traffic-counts';
import type { Traffic, TrafficResult } from './traffic';
import { describeLedgerProblems, LedgerReport, reconcileWrites, unknownTotals } from './write-ledger';

/** What every scenario gets from the entry. */
export interface ScenarioContext {
  projectRoot: string;
  database: LoadDatabase;
  teardown: Teardown;
  /** Shared by every app instance, as production requires. */
  csrfSecret: string;
  connections: number;
  /** Seconds of traffic for this scenario. */
  durationS: number;
  /** Aborted on Ctrl-C: pauses end early and the scenario unwinds through its `finally`. */
  signal: AbortSignal;
  log: (line: string) => void;
  /** Filled in by scenarios that use more software (PgBouncer's version). */
  machine: Partial<LoadMachine>;
}

/** One scenario's run: a unique id, so its posts are told apart from any other run's. */
export interface LoadRun {
  id: string;
  /** `load-<id>-`: the prefix of every title this run posts. */
  titlePrefix: string;
}

/** Starts a run: removes earlier load posts and virtual users, so each scenario starts from the same small tables. */
export async function beginRun(context: ScenarioContext, scenario: ScenarioName): Promise<LoadRun> {
  const removed = await context.database.deleteLoadData();
  if (removed > 0) context.log(`removed ${removed.toLocaleString('en-US')} post(s) of earlier load runs`);
  const id = `${scenario}-${Date.now().toString(36)}`;
  return { id, titlePrefix: `${LOAD_TITLE_PREFIX}${id}-` };
}

/** Starts an app instance, registered for teardown, and waits until it answers `GET /health` with 200. */
export async function startApp(
  context: ScenarioContext,
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const app = await AppProcess.start({
    name,
    projectRoot: context.projectRoot,
    logFile: join(context.projectRoot, '.data', 'load', 'logs', `${name}.log`),
    databaseUrl,
    csrfSecret: context.csrfSecret,
    env,
    log: context.log,
  });
  context.teardown.add(app);
  await app.waitUntilReady();
  context.log(`app instance ${name} (pid ${app.pid}) ready at ${app.baseUrl}; log: ${app.logPath}`);
  return app;
}

/**
 * Stops the traffic at once if an app instance dies under it: autocannon
 * would otherwise spin on refused connections until the scenario ends. The
 * scenario still runs its checks, which report the exit.
 */
export function stopTrafficIfAppDies(context: ScenarioContext, app: AppProcess, traffic: Traffic): void {
  void app.exited.then((exit) => {
    if (traffic.isStopped) return;
    context.log(
      `app instance ${app.name} (pid ${app.pid}) exited with ${exit.code ?? exit.signal} under load; stopping the traffic (see ${app.logPath})`,
    );
    void traffic.stop();
  });
}

/** Waits `ms`, or less when the run is aborted (then it throws, and the scenario unwinds). */
export function pause(context: ScenarioContext, ms: number): Promise<void> {
  return ms > 0 ? sleep(ms, undefined, { signal: context.signal }) : Promise.resolve();
}

/** Waits for the app to finish what is still running, then reconciles the run's posts with the database. */
export async function reconcileRun(context: ScenarioContext, run: LoadRun, records: readonly RequestRecord[]): Promise<LedgerReport> {
  const settle = await context.database.waitForWritesToSettle(run.titlePrefix);
  if (!settle.settled)
    context.log(`the app was still writing ${(settle.ms / 1000).toFixed(0)} s after the traffic stopped; checking anyway`);
  return reconcileWrites(records, await context.database.storedTitles(run.titlePrefix));
}

/** The write check every scenario has: acknowledged = stored once, nothing else stored. */
export function writesCheck(ledger: LedgerReport): Check {
  const unknown = unknownTotals(ledger);
  const figures = `${ledger.acknowledged.toLocaleString('en-US')} acknowledged (303), ${ledger.stored.toLocaleString('en-US')} stored, ${ledger.rejected.toLocaleString('en-US')} answered with an error, ${ledger.notDelivered.toLocaleString('en-US')} never delivered, ${unknown.sent} without an answer (${unknown.stored} of them stored)`;
  const problems = describeLedgerProblems(ledger);
  return check('every acknowledged post stored exactly once, nothing else stored', ledger.ok, [figures, ...problems].join('; '));
}

export function figuresOf(context: ScenarioContext, traffic: TrafficResult, ledger: LedgerReport): ScenarioFigures {
  const counts = countRequests(traffic.records);
  return {
    connections: context.connections,
    seconds: traffic.seconds,
    requestsPerSecond: traffic.requestsPerSecond,
    p50Ms: traffic.p50Ms,
    p99Ms: traffic.p99Ms,
    statuses: formatStatuses(counts),
    unanswered: formatUnanswered(counts, { includeCutOff: true }),
    posts: { acknowledged: ledger.acknowledged, stored: ledger.stored, unknown: unknownTotals(ledger) },
  };
}

/** The app kept running under the load (the same process, never restarted). */
export function stillRunningCheck(app: AppProcess): Check {
  const exit = app.exitStatus;
  return check(
    `app instance ${app.name} kept running`,
    exit === null,
    exit === null ? `pid ${app.pid} throughout` : `pid ${app.pid} exited with ${exit.code ?? exit.signal}; see ${app.logPath}`,
  );
}

/** How many lines the app logged at ERROR level: not a check, but where to look. */
export function errorLogNote(app: AppProcess): string {
  const lines = app.errorLines();
  return lines.length === 0
    ? `app instance ${app.name} logged no errors`
    : `app instance ${app.name} logged ${lines.length.toLocaleString('en-US')} ERROR line(s), e.g. \`${lines[0].replace(/\s+/g, ' ').slice(0, 200)}\` (${app.logPath})`;
}
