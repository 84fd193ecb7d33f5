import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureAppBuilt } from '../load/app-build';
import { LoadDatabase } from '../load/load-database';
import type { Teardown } from '../load/teardown';
import { UsageError } from '../errors/usage.error';
import { describeHost } from '../test-setup/machine';
import { benchData } from './bench-data';
import { bundleLocator } from './bundle-locator';
import { countCards } from './card-count';
import { CpuProfile, CpuProfileSummary, summariseCpuProfile } from './cpu-profile-summary';
import { measureServer } from './measure-server';
import { AUTHOR_COUNT, PAGE_SIZES, POST_COUNT, PageSize } from './page-sizes';
import type { PagesOptions } from './pages-options';
import { freePort, MetricsScraper } from './metrics-scraper';
import { OtlpSink } from './otlp-sink';
import {
  APP_VARIANTS,
  isApp,
  PagesRun,
  SERVER_LABELS,
  ServerFigures,
  SIGNED_IN_PAGE_SIZE,
  ServerName,
  TargetVerdict,
  targetVerdicts,
  throughputRatio,
  variantRatio,
} from './pages-report';
import { seedPagesData } from './pages-seed';
import { signUpSession } from '../load/signed-in-session';
import { CSRF_FIELD } from '../../src/platform/http/page-locals';
import { BenchServer, startServer, StartServerOptions } from './pages-servers';
import { buildReferenceServers } from './reference-build';

export interface PagesBenchContext {
  projectRoot: string;
  teardown: Teardown;
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface PagesResult {
  run: PagesRun;
  verdicts: TargetVerdict[];
  /** With `--profile`: the app's self time per function under the 20-per-page load. */
  profile?: { summary: CpuProfileSummary; file: string };
}

export const SERVER_ORDER: readonly ServerName[] = ['app', 'app-metrics', 'app-tracing', 'limit', 'peer'];
/**
 * Metrics and tracing off unless a row turns one on: set but empty, so a
 * developer's .env (which the app reads, never over a variable already set)
 * cannot turn them on in the plain row.
 */
// The plain row logs no line per request (LOG_LEVEL=warn keeps only warnings and errors), so the other two rows
// measure what the issue bounds: request logs and metrics on together, and request logs with tracing.
const OBSERVABILITY_OFF = { METRICS_PORT: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', LOG_LEVEL: 'warn' };
const REQUEST_LOGS_ON = { LOG_LEVEL: 'info' };
const pathOf = (server: ServerName, size: PageSize) => (isApp(server) ? size.appPath : size.referencePath);

/** Only a signed-in reader's list has a form, so only its answers carry the CSRF field. */
const SIGNED_IN_MARK = `name="${CSRF_FIELD}"`;

/** One measured row: a server's process at one page size, asked as a signed-out visitor or with a reader's cookies. */
interface Row {
  figures: ServerFigures;
  server: BenchServer;
  /** The signed-in reader's `Cookie` header; answers must then show the form. */
  cookie?: string;
}

/** The answer to one request, checked as the measurement checks every answer. */
async function probe(row: Row): Promise<string | null> {
  const { path, pageSize } = row.figures;
  const response = await fetch(`${row.server.process.baseUrl}${path}`, {
    headers: row.cookie ? { cookie: row.cookie } : {},
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  const cards = countCards(body);
  const signedIn = body.includes(SIGNED_IN_MARK);
  if (response.status === 200 && cards === pageSize && signedIn === Boolean(row.cookie)) return null;
  return `GET ${path}${row.cookie ? ' with a signed-in reader’s cookies' : ''} answered ${response.status} with ${cards} post cards, not ${pageSize}, and ${signedIn ? 'a' : 'no'} form`;
}

/**
 * `npm run bench:pages`: the app's post list against a bare limit and a
 * plain peer, on the same rows of one embedded PostgreSQL (.data/bench-pages),
 * one server at a time, alternating the order per round. Throws when a
 * server fails to start or answers anything but the expected page. Every
 * process it starts is registered with `context.teardown`, which the caller
 * runs at the end.
 */
export async function runPagesBench(options: PagesOptions, context: PagesBenchContext): Promise<PagesResult> {
  const { projectRoot, teardown, signal, log } = context;
  const runDir = join(projectRoot, '.data', 'bench-pages', 'runs');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  await ensureAppBuilt(projectRoot, log);
  const before = options.before ? beforeBuild(options.before) : undefined;
  const database = await LoadDatabase.start(projectRoot, log, { folder: 'bench-pages', command: 'npm run bench:pages' });
  teardown.add(database);
  const machine = { ...describeHost(), postgres: await database.describe() };
  await seedPagesData(database, benchData(POST_COUNT, AUTHOR_COUNT));
  const scripts = buildReferenceServers(projectRoot, join(projectRoot, '.data', 'bench-pages', 'servers'));
  const serverOptions: StartServerOptions = {
    projectRoot,
    database,
    scripts,
    csrfSecret: randomBytes(48).toString('base64url'),
    runDir,
    teardown,
    log,
  };

  // The metrics row's endpoint, scraped by the bench; the tracing row's receiver, in this process.
  const metricsPort = await freePort();
  const sink = await OtlpSink.start();
  teardown.add(sink);
  const appEnv: Partial<Record<ServerName, Record<string, string>>> = {
    app: OBSERVABILITY_OFF,
    'app-metrics': { ...OBSERVABILITY_OFF, ...REQUEST_LOGS_ON, METRICS_PORT: String(metricsPort) },
    'app-tracing': { ...OBSERVABILITY_OFF, ...REQUEST_LOGS_ON, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url },
  };
  const servers: BenchServer[] = [];
  for (const name of SERVER_ORDER) servers.push(await startServer(name, { ...serverOptions, appEnv: appEnv[name] }));
  // The other build, started the same way on the same database, right after this build's plain row.
  if (before) {
    const started = await startServer('before', { ...serverOptions, projectRoot: before.dir, appEnv: OBSERVABILITY_OFF });
    servers.splice(1, 0, started);
  }
  const scraper = new MetricsScraper(`http://127.0.0.1:${metricsPort}/metrics`);
  teardown.add(scraper);
  log(`started ${servers.map((s) => `${SERVER_LABELS[s.name]} (pid ${s.process.pid})`).join(', ')}; logs in ${runDir}`);

  // A reader signed up and in through the app's own forms, as a browser would; its cookies make the signed-in row.
  // The same for the other build (its own session: a reader of one build signed in on the other would do as well, but need not).
  const signedInRows = new Map<BenchServer, { name: ServerName; cookie: string }>();
  for (const [server, name, email] of [
    [servers.find((s) => s.name === 'app'), 'app-signed-in', 'bench-pages-reader@example.test'],
    [servers.find((s) => s.name === 'before'), 'before-signed-in', 'bench-pages-reader-before@example.test'],
  ] as const) {
    if (!server) continue;
    const reader = await signUpSession(server.process.baseUrl, { email, displayName: 'Bench reader' });
    signedInRows.set(server, { name, cookie: reader.cookie });
    log(
      `signed in ${reader.email} through ${SERVER_LABELS[server.name]}'s /accounts/sign-up and /accounts/sign-in; its signed-in row sends the cookies`,
    );
  }

  // Every page once, checked; the app may not have a 50-per-page view (yet): then that size is not measured for it.
  const figures: ServerFigures[] = [];
  const rows: Row[] = [];
  for (const size of PAGE_SIZES) {
    for (const server of servers) {
      const path = pathOf(server.name, size);
      const row: Row = { figures: { server: server.name, pageSize: size.pageSize, path, rounds: [] }, server };
      const problem = await probe(row);
      if (problem && !(isApp(server.name) && size.pageSize !== 20)) {
        throw new Error(`${SERVER_LABELS[server.name]}: ${problem}; its log: ${server.process.logPath}\n${server.process.logTail()}`);
      }
      const unavailable = problem
        ? `${problem}; the app shows no ${size.pageSize} posts on one page at this address (set APP_PAGE_OF_50_PATH in bench/pages/page-sizes.ts)`
        : undefined;
      if (unavailable) log(`not measured: ${SERVER_LABELS[server.name]}, ${size.pageSize} per page: ${unavailable}`);
      row.figures.unavailable = unavailable;
      figures.push(row.figures);
      if (!unavailable) rows.push(row);
      const reader = signedInRows.get(server);
      if (reader && size.pageSize === SIGNED_IN_PAGE_SIZE) {
        const signedIn: Row = {
          figures: { server: reader.name, pageSize: size.pageSize, path, rounds: [] },
          server,
          cookie: reader.cookie,
        };
        const refused = await probe(signedIn);
        if (refused)
          throw new Error(`${SERVER_LABELS[reader.name]}: ${refused}; its log: ${server.process.logPath}\n${server.process.logTail()}`);
        figures.push(signedIn.figures);
        rows.push(signedIn);
      }
    }
  }
  const rowsOf = (server: BenchServer) => rows.filter((row) => row.server === server);

  log(`warm-up: ${options.warmupS} s per server, not counted`);
  for (const server of servers) {
    const own = rowsOf(server);
    for (const row of own) {
      await autocannon({
        url: `${server.process.baseUrl}${row.figures.path}`,
        connections: options.connections,
        duration: Math.max(1, options.warmupS / own.length),
        headers: row.cookie ? { cookie: row.cookie } : undefined,
      });
    }
  }

  for (let round = 1; round <= options.rounds; round++) {
    const order = round % 2 === 1 ? servers : [...servers].reverse();
    log(`round ${round} of ${options.rounds}: ${order.map((s) => SERVER_LABELS[s.name]).join(', ')}`);
    for (const server of order) {
      // The signed-in row right beside the signed-out one, alternating which goes first.
      const own = round % 2 === 1 ? rowsOf(server) : [...rowsOf(server)].reverse();
      for (const row of own) {
        const page = row.figures;
        const label = SERVER_LABELS[page.server];
        if (signal.aborted) throw new Error('interrupted');
        if (server.process.exitStatus) {
          throw new Error(`${label} exited during the run; its log: ${server.process.logPath}\n${server.process.logTail()}`);
        }
        const m = await measureServer({
          url: `${server.process.baseUrl}${page.path}`,
          pid: server.process.pid,
          connections: options.connections,
          durationS: options.durationS,
          expectedCards: page.pageSize,
          cookie: row.cookie,
          mustContain: row.cookie ? SIGNED_IN_MARK : undefined,
        });
        log(
          `  ${label.padEnd(22)} ${String(page.pageSize).padStart(2)}/page: ${m.requestsPerSecond.toFixed(0).padStart(5)} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, peak RSS ${m.peakRssMiB.toFixed(0)} MiB`,
        );
        if (m.failures > 0) {
          throw new Error(
            `${label} at ${page.path}: ${m.failureDetail} out of ${m.answers} answers; the figures would not be of the page. Its log: ${server.process.logPath}\n${server.process.logTail()}`,
          );
        }
        page.rounds.push(m);
      }
    }
  }

  await teardown.stop(scraper);
  // Stopping the traced app flushes its last spans to the receiver (the SDK's shutdown).
  for (const server of servers) await teardown.stop(server.process);
  await teardown.stop(sink);
  for (const size of PAGE_SIZES) {
    const costs = APP_VARIANTS.map((variant) => {
      const ratio = variantRatio(figures, variant, size.pageSize);
      return `${SERVER_LABELS[variant]} ÷ plain app ${ratio === null ? 'not measured' : `${ratio.toFixed(2)}×`}`;
    });
    log(`cost at ${size.pageSize}/page: ${costs.join(', ')}`);
  }
  for (const size of PAGE_SIZES) {
    const ratio = (value: number | null) => (value === null ? 'not measured' : `${value.toFixed(2)}×`);
    const signedIn = figures.some((f) => f.server === 'app-signed-in' && f.pageSize === size.pageSize)
      ? `signed in ÷ signed out ${ratio(variantRatio(figures, 'app-signed-in', size.pageSize))}, `
      : '';
    log(
      `at ${size.pageSize}/page: ${signedIn}signed out ÷ bare limit ${ratio(throughputRatio(figures, 'limit', size.pageSize))}, ÷ plain peer ${ratio(throughputRatio(figures, 'peer', size.pageSize))}`,
    );
  }
  const notOn = [
    ...(scraper.scrapes === 0 || scraper.failures > 0
      ? [
          `${SERVER_LABELS['app-metrics']}: ${scraper.failures} of ${scraper.scrapes + scraper.failures} scrapes failed (first: ${scraper.firstFailure ?? 'none made'}); the app must serve /metrics on METRICS_PORT (docs/operations.md, "Metrics")`,
        ]
      : []),
    ...(sink.exports === 0
      ? [
          `${SERVER_LABELS['app-tracing']}: exported no spans to ${sink.url} during the run; the app must export to OTEL_EXPORTER_OTLP_ENDPOINT (docs/operations.md, "Traces")`,
        ]
      : []),
  ];
  if (notOn.length > 0)
    throw new Error(`the rows meant to have metrics or tracing on did not, so their figures are not reported: ${notOn.join('; ')}`);
  log(`metrics scraped ${scraper.scrapes} times; ${sink.exports} trace exports (${(sink.bytes / 1024 / 1024).toFixed(1)} MiB) received`);
  const profile = options.profile ? await profileApp(options, serverOptions, log) : undefined;

  const run: PagesRun = {
    machine,
    date: new Date(),
    connections: options.connections,
    durationS: options.durationS,
    rounds: options.rounds,
    postCount: POST_COUNT,
    figures,
    observability: { scrapes: scraper.scrapes, exports: sink.exports, exportedBytes: sink.bytes },
    ...(before ? { before: before.name } : {}),
  };
  return { run, verdicts: targetVerdicts(figures, options.connections), profile };
}

/**
 * `--before <dir>`: a checkout of another commit with its own node_modules
 * and `dist/` (the bench does not build it: its build would regenerate the
 * Prisma Client there, not here). Named by its commit in the report.
 */
function beforeBuild(dir: string): { dir: string; name: string } {
  if (!existsSync(join(dir, 'dist', 'main.js')) || !existsSync(join(dir, 'node_modules'))) {
    throw new UsageError(
      `--before ${dir}: no dist/main.js or node_modules there; make it a built checkout of the commit to compare with, e.g. git worktree add ${dir} main && cd ${dir} && npm ci && npm run build`,
    );
  }
  const commit = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).stdout.trim();
  return { dir, name: commit || dir };
}

/**
 * One more app instance, under `node --cpu-prof`, loaded like a round (20
 * per page, after a second's warm-up). Stopped with SIGTERM, so it exits
 * through its own shutdown and V8 writes the profile. Its samples from
 * before the measured traffic (start-up, warm-up) are left out.
 */
async function profileApp(
  options: PagesOptions,
  serverOptions: StartServerOptions,
  log: (line: string) => void,
): Promise<{ summary: CpuProfileSummary; file: string }> {
  const profileDir = join(serverOptions.runDir, 'cpu-profile');
  const spawned = performance.now();
  const app = await startServer('app', {
    ...serverOptions,
    instance: 'app-profiled',
    appEnv: OBSERVABILITY_OFF,
    appNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  const path = PAGE_SIZES[0].appPath;
  await autocannon({ url: `${app.process.baseUrl}${path}`, connections: options.connections, duration: 1 });
  const skipFirstMs = performance.now() - spawned;
  log(`profiling the app: ${options.durationS} s at ${path}`);
  const m = await measureServer({
    url: `${app.process.baseUrl}${path}`,
    pid: app.process.pid,
    connections: options.connections,
    durationS: options.durationS,
    expectedCards: PAGE_SIZES[0].pageSize,
  });
  log(`  under the profiler: ${m.requestsPerSecond.toFixed(0)} req/s, p99 ${m.p99Ms} ms (not counted)`);
  await serverOptions.teardown.stop(app.process);
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file)
    throw new Error(`the profiled app wrote no .cpuprofile into ${profileDir}; its log: ${app.process.logPath}\n${app.process.logTail()}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  return {
    summary: summariseCpuProfile(profile, { skipFirstMs, locate: bundleLocator(serverOptions.projectRoot) }),
    file: join(profileDir, file),
  };
}
