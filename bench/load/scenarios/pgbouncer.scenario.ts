import { join } from 'node:path';
import { findFreePort } from '../../../src/database/embedded/free-port';
import type { AppProcess } from '../app-process';
import type { RequestRecord } from '../connection-tracker';
import { demoPostBody, FORM_CONTENT_TYPE, POSTS_PATH } from '../demo-post-form';
import { PgbouncerPlan, poolSizingProblem } from '../pgbouncer-config';
import { findOrInstallPgbouncer, PGBOUNCER_MISSING, PgbouncerProcess, pgbouncerVersion } from '../pgbouncer-process';
import {
  beginRun,
  errorLogNote,
  figuresOf,
  LoadRun,
  pause,
  reconcileRun,
  ScenarioContext,
  startApp,
  stillRunningCheck,
  stopTrafficIfAppDies,
  writesCheck,
} from '../scenario-context';
import { Check, check, resultOf, ScenarioResult } from '../scenario-result';
import { ServerConnectionSampler } from '../server-connections';
import type { SignedInSession } from '../signed-in-session';
import { Traffic } from '../traffic';
import { countRequests, formatStatuses, formatUnanswered, unexpectedStatuses } from '../traffic-counts';
import { signUpVirtualUsers } from '../virtual-users';

const INSTANCES = 2;
/** DATABASE_POOL_SIZE of each instance (the app's default). */
const APP_POOL_SIZE = 10;
/** PgBouncer's server pool: exactly what the instances can ask for, see pgbouncer-config.ts. */
const SERVER_POOL = INSTANCES * APP_POOL_SIZE;

/**
 * `pgbouncer`: PgBouncer in transaction pooling mode in front of the
 * cluster, two app instances behind it with the same CSRF_SECRET, the
 * connections spread over both. Expected: a session and a token issued by
 * one instance are accepted by the other, only 2xx/3xx, both instances serve, PgBouncer's
 * server pool is never exceeded, and acknowledged = stored, once each.
 */
export async function pgbouncerScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const binary = findOrInstallPgbouncer(context.log);
  if (!binary) {
    context.log(PGBOUNCER_MISSING);
    return { name: 'pgbouncer', outcome: 'skipped', checks: [check('PgBouncer installed', false, PGBOUNCER_MISSING)], notes: [] };
  }
  context.machine.pgbouncer = pgbouncerVersion(binary);
  const { database, connections, durationS, log } = context;
  const run = await beginRun(context, 'pgbouncer');
  const { plan, secret } = await planPgbouncer(context);
  const bouncer = PgbouncerProcess.start(binary, join(context.projectRoot, '.data', 'load', 'pgbouncer'), plan, {
    user: database.state.runtime.name,
    secret,
  });
  context.teardown.add(bouncer);
  const apps: AppProcess[] = [];
  let traffic: Traffic | undefined;
  let sampler: ServerConnectionSampler | undefined;
  try {
    const { runtime, database: name } = database.state;
    const bouncerUrl = `postgresql://${runtime.name}:${encodeURIComponent(runtime.password)}@127.0.0.1:${plan.listenPort}/${name}`;
    await bouncer.waitUntilReady(bouncerUrl);
    log(`${context.machine.pgbouncer} on 127.0.0.1:${plan.listenPort}, pool_mode = transaction, default_pool_size = ${plan.serverPool}`);
    for (const instance of ['pgbouncer-a', 'pgbouncer-b']) {
      // Requests go through PgBouncer; the job workers cannot (LISTEN needs a
      // session of their own), so they get the direct connection setting.
      apps.push(
        await startApp(context, instance, `${bouncerUrl}?pgbouncer=true`, {
          DATABASE_POOL_SIZE: String(APP_POOL_SIZE),
          JOBS_DATABASE_URL: database.runtimeUrl,
        }),
      );
    }
    const [a, b] = apps;

    const sessions = await signUpVirtualUsers(context, a.baseUrl, run);
    const crossChecks = await postAcross(sessions[0], b.baseUrl, run);
    const { withToken, withoutToken } = crossChecks;
    const csrfCheck = check(
      'a session and a CSRF token issued by instance A are accepted by instance B',
      withToken.status === 303 && withToken.location === POSTS_PATH && withoutToken.status === 403,
      `POST to B with A's cookies and token: ${withToken.status} to ${withToken.location ?? 'nowhere'}; with the cookies but no token: ${withoutToken.status} (expected 303 to ${POSTS_PATH}, not to sign-in, and 403)`,
    );
    if (!csrfCheck.ok) log(`FAIL ${csrfCheck.label}: ${csrfCheck.detail}`);

    sampler = new ServerConnectionSampler(database.superuserUrl, runtime.name).start();
    log(`${connections} connections over ${INSTANCES} instances for ${durationS} s …`);
    traffic = new Traffic({
      targets: [a.baseUrl, b.baseUrl],
      connections,
      sessions,
      titlePrefix: run.titlePrefix,
      maxSeconds: durationS + 60,
      log,
    });
    for (const app of apps) stopTrafficIfAppDies(context, app, traffic);
    await pause(context, durationS * 1000);
    const result = await traffic.drainAndStop();
    const records = [...result.records, crossChecks.withToken.record, crossChecks.withoutToken.record];
    const ledger = await reconcileRun(context, run, records);
    const pool = await sampler.stop();
    const counts = countRequests(result.records);
    return resultOf(
      'pgbouncer',
      [
        csrfCheck,
        check('only 2xx/3xx answers', unexpectedStatuses(counts) === 0, formatStatuses(counts)),
        check(
          'every request answered',
          counts.answered + counts.cutOff === counts.total,
          `${formatUnanswered(counts)} without an answer (${counts.cutOff} reads cut off at the end do not count)`,
        ),
        spreadCheck(apps, result.records),
        check(
          "PostgreSQL saw no more sessions than PgBouncer's server pool",
          pool.max <= plan.serverPool,
          `at most ${pool.max} sessions of ${runtime.name} (${pool.samples} samples), default_pool_size ${plan.serverPool}`,
        ),
        ...apps.map(stillRunningCheck),
        writesCheck(ledger),
      ],
      [
        `pool sizing: DATABASE_POOL_SIZE ${plan.appPoolSize} × ${plan.instances} instances = ${plan.appPoolSize * plan.instances} ≤ default_pool_size ${plan.serverPool} ≤ max_connections ${plan.maxConnections} − ${plan.reservedConnections} reserved`,
        ...apps.map(errorLogNote),
        `PgBouncer's config and log: ${join('.data', 'load', 'pgbouncer')}`,
      ],
      figuresOf(context, result, ledger),
    );
  } finally {
    await traffic?.stop();
    await sampler?.stop();
    for (const app of apps) await context.teardown.stop(app);
    await context.teardown.stop(bouncer);
  }
}

/** Reads what PgBouncer needs from the server and checks the pool sizing before anything starts. */
async function planPgbouncer(context: ScenarioContext): Promise<{ plan: PgbouncerPlan; secret: string }> {
  const { database } = context;
  const settings = await database.asOwner(async (client) => {
    const setting = async (name: string) =>
      (await client.query<{ setting: string }>('SELECT setting FROM pg_settings WHERE name = $1', [name])).rows[0].setting;
    const authid = await client.query<{ rolpassword: string | null }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [
      database.state.runtime.name,
    ]);
    return {
      encryption: await setting('password_encryption'),
      maxConnections: Number(await setting('max_connections')),
      reserved: Number(await setting('superuser_reserved_connections')),
      secret: authid.rows[0]?.rolpassword ?? '',
    };
  }, database.superuserUrl); // pg_authid is readable by superusers only
  // The cluster hashes passwords as password_encryption says (scram-sha-256 here); PgBouncer must be told which.
  const authType = settings.secret.startsWith('SCRAM-SHA-256$') ? 'scram-sha-256' : settings.secret.startsWith('md5') ? 'md5' : null;
  if (!authType) {
    throw new Error(
      `the runtime role's password is stored neither as a SCRAM verifier nor as md5 (password_encryption = ${settings.encryption}); PgBouncer cannot authenticate it from an auth_file`,
    );
  }
  const dir = join(context.projectRoot, '.data', 'load', 'pgbouncer');
  const plan: PgbouncerPlan = {
    listenPort: await findFreePort(),
    server: { port: database.state.port, database: database.state.database },
    authType,
    authFile: join(dir, 'userlist.txt'),
    instances: INSTANCES,
    appPoolSize: APP_POOL_SIZE,
    serverPool: SERVER_POOL,
    maxConnections: settings.maxConnections,
    reservedConnections: settings.reserved,
  };
  const problem = poolSizingProblem(plan);
  if (problem) throw new Error(`pool sizing: ${problem}`);
  return { plan, secret: settings.secret };
}

interface CrossPost {
  status: number;
  /** Where a 303 leads: the list when the post was saved, the sign-in page when B did not know the session. */
  location: string | null;
  record: RequestRecord;
}

/**
 * Posts to instance B with the session instance A issued: once with its
 * token (must be saved: 303 to the list), once without (must be refused:
 * 403, which shows B checks tokens at all). Both titles go into the write check.
 */
async function postAcross(
  session: SignedInSession,
  baseUrl: string,
  run: LoadRun,
): Promise<{ withToken: CrossPost; withoutToken: CrossPost }> {
  const post = async (suffix: string, withToken: boolean): Promise<CrossPost> => {
    const title = `${run.titlePrefix}${suffix}`;
    const response = await fetch(`${baseUrl}${POSTS_PATH}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': FORM_CONTENT_TYPE },
      body: demoPostBody(title, 0, session, { withToken }),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    const fate = { kind: 'answered' as const, status: response.status, retryAfter: response.headers.has('retry-after') };
    return {
      status: response.status,
      location: response.headers.get('location'),
      record: { kind: 'post', title, target: baseUrl, sentAt: 0, doneAt: 0, fate },
    };
  };
  return { withToken: await post('csrf-from-a', true), withoutToken: await post('csrf-missing', false) };
}

/** Both instances served a fair share: connections alternate between them, so each should answer about half. */
function spreadCheck(apps: AppProcess[], records: readonly RequestRecord[]): Check {
  const shares = apps.map((app) => ({ app, answered: countRequests(records.filter((record) => record.target === app.baseUrl)).answered }));
  const total = shares.reduce((sum, share) => sum + share.answered, 0);
  const detail = shares
    .map(({ app, answered }) => `${app.name} ${answered.toLocaleString('en-US')} (${total ? ((answered / total) * 100).toFixed(0) : 0}%)`)
    .join(', ');
  return check(
    'requests spread across both instances (each at least 25%)',
    total > 0 && shares.every((share) => share.answered >= total / 4),
    detail,
  );
}
