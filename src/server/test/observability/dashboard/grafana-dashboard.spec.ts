import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MetricsRegistry } from '../../../../platform/observability/metrics/metrics-registry';
import { withEnvironment } from '../../../../testing/environment/with-environment';
import { startTestServer, TestServer } from '../../../../testing/start-test-server';
import { alertRuleProblems, RuleFileJson } from './alert-rule-problems';
import { DashboardJson, dashboardProblems, PanelJson } from './dashboard-problems';
import { familiesOf, queryableNames } from './exposed-metric-names';

const docs = join(__dirname, '..', '..', '..', '..', '..', 'docs');
const readDashboard = () => JSON.parse(readFileSync(join(docs, 'operations', 'grafana-dashboard.json'), 'utf8')) as DashboardJson;
const readRules = () => parse(readFileSync(join(docs, 'operations', 'alert-rules.yml'), 'utf8')) as RuleFileJson;
const operationsMarkdown = () => readFileSync(join(docs, 'operations.md'), 'utf8');

const exprsOf = (panels: readonly PanelJson[]) => panels.flatMap((p) => (p.targets ?? []).map((t) => String(t.expr)));

/** The panels a row holds: those after it up to the next row (an expanded row), or its own (a collapsed one). */
function panelsOfRow(dashboard: DashboardJson, title: string): PanelJson[] {
  const panels = dashboard.panels ?? [];
  const start = panels.findIndex((p) => p.type === 'row' && p.title === title);
  if (start < 0) throw new Error(`the dashboard has no row titled ${title}`);
  if (panels[start].collapsed === true) return panels[start].panels ?? [];
  const end = panels.findIndex((p, i) => i > start && p.type === 'row');
  return panels.slice(start + 1, end < 0 ? undefined : end);
}

describe('the Grafana dashboard and the alert rules in docs/operations/', () => {
  let server: TestServer;
  let knownSeries: Set<string>;

  beforeAll(async () => {
    server = await withEnvironment({ METRICS_PORT: '0' }, () => startTestServer());
    // One request, so metrics created on first use are exposed too.
    await fetch(`${server.baseUrl}/accounts/sign-in`);
    // The dashboard and the alerts may use only what the running app exposes.
    knownSeries = queryableNames(familiesOf(await server.app.get(MetricsRegistry).exposition()));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('loads in Grafana: unique panel ids, a 24-column grid, a Prometheus query on every panel, defined variables, metrics the app exposes', () => {
    expect(dashboardProblems(readDashboard(), knownSeries)).toEqual([]);
  });

  it('chooses the data source and the components (several, or all) from variables, and repeats a row per component', () => {
    const dashboard = readDashboard();
    const variables = dashboard.templating?.list ?? [];
    expect(variables.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(variables.find((v) => v.name === 'component')).toMatchObject({
      type: 'query',
      multi: true,
      includeAll: true,
      definition: 'label_values(http_server_request_duration_seconds_count, component)',
    });
    const repeated = (dashboard.panels ?? []).filter((p) => p.type === 'row' && p.repeat === 'component');
    expect(repeated.map((row) => row.title)).toEqual(['Component $component']);
  });

  it('shows per component the request rate, 5xx ratio, p95, SQL time by model, job runs, deliveries, dead letters and queue depth', () => {
    const exprs = exprsOf(panelsOfRow(readDashboard(), 'Component $component'));
    for (const expr of exprs) expect(expr).toContain('component="$component"');
    const joined = exprs.join('\n');
    expect(joined).toContain('rate(http_server_request_duration_seconds_count{component="$component"}');
    expect(joined).toContain('status_class="5xx"');
    expect(joined).toMatch(/histogram_quantile\(0\.95, sum by \(le, route\) \(rate\(http_server_request_duration_seconds_bucket/);
    expect(joined).toMatch(/sum by \(model\) \(rate\(db_query_duration_seconds_sum/);
    for (const metric of [
      'jobs_runs_total',
      'event_deliveries_total',
      'jobs_dead_letters',
      'jobs_queue_depth',
      'jobs_queue_oldest_age_seconds',
    ]) {
      expect(joined).toContain(metric);
    }
  });

  it('shows per instance the pool in use and waiting against its maximum, the event loop lag and the resident memory', () => {
    const exprs = exprsOf(panelsOfRow(readDashboard(), 'Instance')).join('\n');
    for (const metric of [
      'db_pool_connections{state="in_use"}',
      'db_pool_waiting_clients',
      'db_pool_max_connections',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(exprs).toContain(metric);
    }
  });

  it('finds a misspelt metric, a duplicated panel id, an unknown variable and a panel past the grid', () => {
    const dashboard = readDashboard();
    const [, first, second, third] = dashboard.panels ?? [];
    for (const target of first.targets!) target.expr = String(target.expr).replace('db_pool_waiting_clients', 'db_pool_wating_clients');
    second.id = first.id;
    third.targets![0].expr = String(third.targets![0].expr).replace(
      '(process_resident_memory_bytes)',
      '(process_resident_memory_bytes{instance="$instance"})',
    );
    third.gridPos!.x = 20;

    const problems = dashboardProblems(dashboard, knownSeries).join('\n');
    expect(problems).toContain('db_pool_wating_clients is not a metric the app exposes');
    expect(problems).toContain(`id ${String(first.id)} is also`);
    expect(problems).toContain('uses $instance, which templating does not define');
    expect(problems).toContain('goes past the 24 columns');
  });

  it('finds a row repeated for a variable that does not exist', () => {
    const dashboard = readDashboard();
    dashboard.panels!.find((p) => p.repeat === 'component')!.repeat = 'components';
    expect(dashboardProblems(dashboard, knownSeries)).toEqual([
      expect.stringContaining('repeats for "components", which templating does not define'),
    ]);
  });

  it('gives every alert a severity, a summary, and a description pointing at a section of docs/operations.md, over metrics the app exposes', () => {
    const rules = readRules();
    expect(rules.groups?.flatMap((g) => g.rules ?? []).map((r) => r.alert)).toEqual([
      'ComponentHighErrorRate',
      'ComponentSlowRequests',
      'DeadLettersGrowing',
      'DatabasePoolClientsWaiting',
      'DatabasePoolNearlyExhausted',
      'JobQueueStalled',
    ]);
    expect(alertRuleProblems(rules, knownSeries, operationsMarkdown())).toEqual([]);
  });

  it('finds an alert over a misspelt metric and one pointing at a missing section', () => {
    const rules = readRules();
    const [first, second] = rules.groups![0].rules!;
    first.expr = String(first.expr)
      .replace('jobs_dead_letters', 'job_dead_letters')
      .replace(/http_server_request_duration_seconds_count/g, 'http_request_duration_seconds_count');
    second.annotations!.description = 'See docs/operations.md#alert-nowhere.';
    const problems = alertRuleProblems(rules, knownSeries, operationsMarkdown()).join('\n');
    expect(problems).toContain('http_request_duration_seconds_count is not a metric the app exposes');
    expect(problems).toContain('docs/operations.md has no heading for #alert-nowhere');
  });
});
