import { exprProblems } from './dashboard-problems';

/** The parts of a Prometheus rule file these checks read. */
export interface RuleFileJson {
  groups?: { name?: unknown; rules?: RuleJson[] }[];
}

export interface RuleJson {
  alert?: unknown;
  record?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
export const headingAnchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');

/**
 * What an operator needs from each alert besides valid PromQL (promtool
 * checks that in CI): a name, a severity, a summary and a description that
 * points at an existing section of docs/operations.md, and metric names the
 * app exposes.
 */
export function alertRuleProblems(file: RuleFileJson, knownSeries: ReadonlySet<string>, operationsMarkdown: string): string[] {
  const anchors = new Set([...operationsMarkdown.matchAll(/^#{2,4} (.+)$/gm)].map((m) => headingAnchor(m[1])));
  const problems: string[] = [];
  const rules = (file.groups ?? []).flatMap((group) => group.rules ?? []);
  if (rules.length === 0) problems.push('no rules in any group');
  const names = rules.map((r) => r.alert);
  for (const rule of rules) {
    const name = `alert ${JSON.stringify(rule.alert)}`;
    if (typeof rule.alert !== 'string' || !/^[A-Z]\w+$/.test(rule.alert)) problems.push(`${name}: needs a CamelCase name`);
    else if (names.filter((n) => n === rule.alert).length > 1) problems.push(`${name}: defined twice`);
    if (typeof rule.expr !== 'string') problems.push(`${name}: no expr`);
    else problems.push(...exprProblems(name, rule.expr, new Set(), knownSeries));
    if (!['page', 'ticket'].includes(String(rule.labels?.severity)))
      problems.push(`${name}: severity is ${String(rule.labels?.severity)}, not page or ticket`);
    if (typeof rule.annotations?.summary !== 'string' || rule.annotations.summary === '') problems.push(`${name}: no summary`);
    const description = rule.annotations?.description;
    if (typeof description !== 'string') {
      problems.push(`${name}: no description`);
      continue;
    }
    const links = [...description.matchAll(/docs\/operations\.md#([\w-]+)/g)].map((m) => m[1]);
    if (links.length === 0) problems.push(`${name}: its description names no section of docs/operations.md to check`);
    for (const anchor of links) if (!anchors.has(anchor)) problems.push(`${name}: docs/operations.md has no heading for #${anchor}`);
  }
  return problems;
}
