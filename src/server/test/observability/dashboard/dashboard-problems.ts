import { metricNamesIn, variablesIn } from './promql-names';

/** The parts of Grafana's dashboard JSON model (schemaVersion 41) these checks read. */
export interface DashboardJson {
  uid?: unknown;
  title?: unknown;
  schemaVersion?: unknown;
  panels?: PanelJson[];
  templating?: { list?: VariableJson[] };
}

export interface PanelJson {
  id?: unknown;
  type?: unknown;
  title?: unknown;
  gridPos?: { x?: unknown; y?: unknown; w?: unknown; h?: unknown };
  datasource?: { type?: unknown; uid?: unknown };
  targets?: { refId?: unknown; expr?: unknown; legendFormat?: unknown }[];
  repeat?: unknown;
  collapsed?: unknown;
  panels?: PanelJson[];
}

export interface VariableJson {
  name?: unknown;
  type?: unknown;
  query?: unknown;
  definition?: unknown;
  multi?: unknown;
  includeAll?: unknown;
  datasource?: { uid?: unknown };
}

/** Grafana's own variables, usable in any query without a templating entry. */
const BUILT_IN_VARIABLES = new Set([
  '__interval',
  '__interval_ms',
  '__rate_interval',
  '__range',
  '__range_s',
  '__range_ms',
  '__auto',
  '__dashboard',
  '__from',
  '__to',
]);
const GRID_COLUMNS = 24;
/** Grafana 11.0's model up to the one @grafana/schema 13 writes; older is migrated on load, newer is refused by older Grafanas. */
const SCHEMA_VERSIONS = { min: 39, max: 42 };

const isWhole = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;

/**
 * What would stop Grafana from loading the dashboard as intended, one line
 * each naming the panel: ids, the grid, data sources, queries, variables,
 * repeats, and every metric name a query uses (it must be in `knownSeries`).
 */
export function dashboardProblems(dashboard: DashboardJson, knownSeries: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (typeof dashboard.uid !== 'string' || !/^[\w-]{1,40}$/.test(dashboard.uid))
    problems.push(`uid ${JSON.stringify(dashboard.uid)} is not 1-40 letters, digits, - or _`);
  if (typeof dashboard.title !== 'string' || dashboard.title === '') problems.push('the dashboard has no title');
  if (!isWhole(dashboard.schemaVersion, SCHEMA_VERSIONS.min) || dashboard.schemaVersion > SCHEMA_VERSIONS.max) {
    problems.push(
      `schemaVersion ${String(dashboard.schemaVersion)} is not one of Grafana 11/12's (${SCHEMA_VERSIONS.min}-${SCHEMA_VERSIONS.max})`,
    );
  }
  const variables = dashboard.templating?.list ?? [];
  const defined = new Set(variables.map((v) => v.name));
  problems.push(...variableProblems(variables));

  // Panels of a collapsed row are kept inside it; an expanded row's follow it at the top level.
  const top = dashboard.panels ?? [];
  const all = top.flatMap((p) => [p, ...(p.type === 'row' ? (p.panels ?? []) : [])]);
  const seen = new Map<unknown, string>();
  for (const panel of all) {
    const name = `panel ${JSON.stringify(panel.title)} (id ${String(panel.id)})`;
    if (!isWhole(panel.id, 1)) problems.push(`${name}: id is not a whole number above 0`);
    else if (seen.has(panel.id)) problems.push(`${name}: id ${panel.id} is also ${seen.get(panel.id)}'s`);
    else seen.set(panel.id, name);
    problems.push(...gridProblems(name, panel));
    for (const variable of variablesIn(JSON.stringify(panel.title ?? ''))) {
      if (!defined.has(variable) && !BUILT_IN_VARIABLES.has(variable))
        problems.push(`${name}: its title uses $${variable}, which templating does not define`);
    }
    if (panel.type === 'row') {
      if (panel.repeat !== undefined && !defined.has(panel.repeat))
        problems.push(`${name}: repeats for ${JSON.stringify(panel.repeat)}, which templating does not define`);
      if (panel.collapsed === false && (panel.panels ?? []).length > 0)
        problems.push(`${name}: an expanded row keeps its panels after it, not inside it`);
      continue;
    }
    problems.push(...queryProblems(name, panel, defined, knownSeries));
  }
  problems.push(...overlapProblems(top));
  return problems;
}

function variableProblems(variables: readonly VariableJson[]): string[] {
  const problems: string[] = [];
  const names = variables.map((v) => v.name);
  for (const variable of variables) {
    const name = `variable ${JSON.stringify(variable.name)}`;
    if (typeof variable.name !== 'string' || !/^\w+$/.test(variable.name)) problems.push(`${name}: a name is letters, digits and _`);
    if (names.filter((n) => n === variable.name).length > 1) problems.push(`${name}: defined twice`);
    if (!['datasource', 'query', 'custom', 'constant', 'interval', 'textbox', 'adhoc'].includes(String(variable.type)))
      problems.push(`${name}: unknown type ${String(variable.type)}`);
    const uid = variable.datasource?.uid;
    if (typeof uid === 'string') {
      for (const used of variablesIn(uid)) if (!names.includes(used)) problems.push(`${name}: its data source $${used} is not defined`);
    }
  }
  return problems;
}

function gridProblems(name: string, panel: PanelJson): string[] {
  const grid = panel.gridPos;
  if (!grid) return [`${name}: no gridPos`];
  const { x, y, w, h } = grid;
  if (!isWhole(x, 0) || !isWhole(y, 0) || !isWhole(w, 1) || !isWhole(h, 1))
    return [`${name}: gridPos ${JSON.stringify(grid)} needs whole x, y >= 0 and w, h >= 1`];
  return x + w > GRID_COLUMNS ? [`${name}: gridPos x ${x} + w ${w} goes past the ${GRID_COLUMNS} columns`] : [];
}

function queryProblems(name: string, panel: PanelJson, defined: ReadonlySet<unknown>, knownSeries: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const source = panel.datasource;
  if (!source || source.type !== 'prometheus' || typeof source.uid !== 'string') problems.push(`${name}: no Prometheus datasource`);
  else if (source.uid !== '${datasource}')
    problems.push(
      `${name}: datasource uid ${source.uid} is not the \${datasource} variable, so the dashboard only loads where that uid exists`,
    );
  const targets = panel.targets ?? [];
  if (targets.length === 0) problems.push(`${name}: no queries (targets)`);
  const refIds = targets.map((t) => t.refId);
  for (const target of targets) {
    const query = `${name}, query ${String(target.refId)}`;
    if (typeof target.refId !== 'string' || target.refId === '') problems.push(`${query}: no refId`);
    else if (refIds.filter((r) => r === target.refId).length > 1) problems.push(`${query}: refId used twice`);
    if (typeof target.expr !== 'string' || target.expr.trim() === '') {
      problems.push(`${query}: no expr`);
      continue;
    }
    problems.push(...exprProblems(query, target.expr, defined, knownSeries));
  }
  return problems;
}

/** A PromQL expression's brackets, variables and metric names; shared with the alert rules' check. */
export function exprProblems(where: string, expr: string, defined: ReadonlySet<unknown>, knownSeries: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const unbalanced = unbalancedBracket(expr);
  if (unbalanced) problems.push(`${where}: ${unbalanced} in ${expr}`);
  for (const variable of variablesIn(expr)) {
    if (!defined.has(variable) && !BUILT_IN_VARIABLES.has(variable))
      problems.push(`${where}: uses $${variable}, which templating does not define`);
  }
  const names = metricNamesIn(expr);
  if (names.length === 0) problems.push(`${where}: selects no metric: ${expr}`);
  for (const metric of names) {
    if (!knownSeries.has(metric)) problems.push(`${where}: ${metric} is not a metric the app exposes`);
  }
  return problems;
}

function unbalancedBracket(expr: string): string | null {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const char of expr.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if ('([{'.includes(char)) open.push(char);
    else if (char in pairs && open.pop() !== pairs[char]) return `an unmatched ${char}`;
  }
  return open.length > 0 ? `an unclosed ${open[open.length - 1]}` : null;
}

/** Panels of the top level whose rectangles cross: Grafana would push one down, not show the layout written here. */
function overlapProblems(panels: readonly PanelJson[]): string[] {
  type Box = { title: unknown; x: number; y: number; w: number; h: number };
  const boxes: Box[] = panels.flatMap((p) => {
    const { x, y, w, h } = p.gridPos ?? {};
    return isWhole(x, 0) && isWhole(y, 0) && isWhole(w, 1) && isWhole(h, 1) ? [{ title: p.title, x, y, w, h }] : [];
  });
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      .map((b) => `panels ${JSON.stringify(a.title)} and ${JSON.stringify(b.title)} overlap`),
  );
}
