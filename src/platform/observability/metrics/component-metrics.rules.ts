/** Per label, every value it may take, declared up front: `{ outcome: ['succeeded', 'refused'] }`. */
export type LabelValues = Readonly<Record<string, readonly string[]>>;

/** The series one counter may have at most: its label values multiplied. More is rarely a count an operator reads. */
export const MAX_SERIES_PER_COUNTER = 100;

const COMPONENT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const VALUE = /^[a-z0-9]+([_-][a-z0-9]+)*$/;
/** Labels the platform sets, or Prometheus reserves, or a scrape adds (job, instance). */
const RESERVED_LABELS = new Set(['component', 'job', 'job_name', 'instance', 'le', 'quantile']);

/**
 * Counter names the platform itself exposes (events and jobs metrics,
 * job-metrics.ts), and the prefixes of prom-client's process metrics: a
 * component counter of the same name would clash with them in the
 * exposition (component `jobs` + `runs` is `jobs_runs_total`).
 */
export const PLATFORM_COUNTER_NAMES: readonly string[] = ['events_published_total', 'event_deliveries_total', 'jobs_runs_total'];
const PLATFORM_PREFIXES = ['process_', 'nodejs_'];

/**
 * What is wrong with a counter declaration, each with its fix; empty when
 * Prometheus accepts it and its series are bounded.
 */
export function counterProblems(component: string, name: string, help: string, labels: LabelValues): string[] {
  const problems: string[] = [];
  if (!COMPONENT_ID.test(component))
    problems.push(`the component "${component}" is not a component id; pass the id of its component.meta.ts`);
  if (!SNAKE.test(name)) {
    problems.push(`the name "${name}" must be lower_snake_case (sign_ins): Prometheus allows letters, digits and underscores`);
  } else if (name.endsWith('_total')) {
    problems.push(`leave "_total" out of the name "${name}": the platform adds it (the counter is <component>_<name>_total)`);
  } else if (name.startsWith(`${component.replace(/-/g, '_')}_`)) {
    problems.push(`leave the component out of the name "${name}": the platform adds it (the counter is <component>_<name>_total)`);
  }
  const metricName = `${component.replace(/-/g, '_')}_${name}_total`;
  if (PLATFORM_COUNTER_NAMES.includes(metricName) || PLATFORM_PREFIXES.some((prefix) => metricName.startsWith(prefix))) {
    problems.push(
      `${metricName} is a name the platform's own metrics use (${[...PLATFORM_COUNTER_NAMES, ...PLATFORM_PREFIXES.map((prefix) => `${prefix}*`)].join(', ')}); choose another counter name`,
    );
  }
  if (help.trim() === '') problems.push('the help line is empty; say what is counted and what each label value means');
  let series = 1;
  for (const [label, values] of Object.entries(labels)) {
    if (!SNAKE.test(label) || RESERVED_LABELS.has(label)) {
      problems.push(
        `the label "${label}" must be lower_snake_case and not one of ${[...RESERVED_LABELS].join(', ')} (the platform or Prometheus sets those); rename it`,
      );
    }
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(`the label "${label}" declares no values; list every value it may take (outcome: ['succeeded', 'failed'])`);
      continue;
    }
    const wrong = values.filter((value) => typeof value !== 'string' || !VALUE.test(value));
    if (wrong.length > 0) {
      problems.push(
        `the label "${label}" has values ${wrong.map((value) => JSON.stringify(value)).join(', ')}: use short lower-case words (succeeded, too-many); never ids, emails or paths`,
      );
    }
    const repeated = values.filter((value, index) => values.indexOf(value) !== index);
    if (repeated.length > 0) problems.push(`the label "${label}" lists ${repeated.join(', ')} twice; list each value once`);
    series *= values.length;
  }
  if (series > MAX_SERIES_PER_COUNTER) {
    problems.push(
      `its label values make ${series} series, over ${MAX_SERIES_PER_COUNTER}; count fewer distinctions, or split it into counters that are read apart`,
    );
  }
  return problems;
}
