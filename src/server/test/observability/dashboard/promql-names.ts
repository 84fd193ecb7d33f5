const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects. Not a PromQL parser: it drops
 * what cannot be a metric name (quoted strings, label matchers, grouping
 * label lists, range and offset durations, Grafana variables, numbers) and
 * keeps the identifiers left that are not functions or keywords.
 */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    const isCall = match[1] !== undefined;
    const identifier = match[0].replace(/\s*\($/, '');
    if (!isCall && !KEYWORDS.has(identifier.toLowerCase())) names.add(identifier);
  }
  return [...names];
}

/** Grafana variables a text refers to: `$name`, `${name}`, `${name:format}`, `[[name]]`. */
export function variablesIn(text: string): string[] {
  const found = [...text.matchAll(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)(?::[^\]]*)?\]\]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return [...new Set(found)];
}
