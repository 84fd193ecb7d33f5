import type { Host } from '../test-setup/machine';
import { markdownTable } from '../test-setup/table';
import type { ScenarioResult } from './scenario-result';

/** The heading of the section `npm run load` owns in docs/performance.md; everything up to the next `## ` heading is replaced. */
export const LOAD_SECTION_HEADING = '## Load (`npm run load`)';

export interface LoadMachine extends Host {
  /** Server version and durability. */
  postgres: string;
  /** PgBouncer's version, when the pgbouncer scenario ran. */
  pgbouncer?: string;
}

const number = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value < 10 ? value.toFixed(1) : number(value));

export function summaryTable(results: readonly ScenarioResult[]): string {
  return markdownTable(
    ['scenario', 'load', 'req/s', 'p50 / p99', 'answers', 'unanswered', 'posts acked / stored', 'posts, outcome unknown', 'result'],
    results.map(({ name, outcome, figures }) => {
      if (!figures) return [name, '', '', '', '', '', '', '', outcome.toUpperCase()];
      const unknown = figures.posts.unknown;
      return [
        name,
        `${figures.connections} conn × ${figures.seconds.toFixed(0)} s`,
        number(figures.requestsPerSecond),
        `${ms(figures.p50Ms)} / ${ms(figures.p99Ms)} ms`,
        figures.statuses,
        figures.unanswered,
        `${number(figures.posts.acknowledged)} / ${number(figures.posts.stored)}`,
        unknown.sent === 0 ? '0' : `${number(unknown.sent)} (${number(unknown.stored)} stored)`,
        outcome.toUpperCase(),
      ];
    }),
  );
}

/** Every check and note of one scenario, as a markdown list. */
export function scenarioDetails(result: ScenarioResult): string {
  const lines = [`**${result.name}**: ${result.outcome}`, ''];
  // Continuation lines (an app's log tail) are indented, so they stay inside their list item.
  for (const item of result.checks) lines.push(`- ${item.ok ? 'PASS' : 'FAIL'} ${item.label}: ${item.detail.replaceAll('\n', '\n  ')}`);
  for (const note of result.notes) lines.push(`- ${note}`);
  return lines.join('\n');
}

export function machineLine(machine: LoadMachine): string {
  const parts = [`${machine.cpu}, ${machine.cores} cores`, machine.memory, `Node ${machine.node}`, machine.postgres];
  if (machine.pgbouncer) parts.push(machine.pgbouncer);
  return parts.join(', ');
}

/** The whole docs section, generated: what the load does, where it ran, and what it found. */
export function loadSection(results: readonly ScenarioResult[], machine: LoadMachine, date: Date): string {
  return [
    LOAD_SECTION_HEADING,
    '',
    '<!-- Written by `npm run load` (bench/load.ts) on every run; edits here are overwritten. -->',
    '',
    '`npm run load` builds the app, starts its own embedded PostgreSQL under `.data/load` (durable: fsync on),',
    'runs `dist/main.js` with `NODE_ENV=production` on loopback, and drives it with autocannon: every connection',
    'alternates `GET /demo/posts` and a form post with a real CSRF token and a unique title, so each post can be',
    'found again. Afterwards SQL checks that every post answered 303 is stored exactly once and nothing else is.',
    'Posts whose answer never came (cut off at the end of the run, dropped or timed out) may be stored or not',
    'and are counted on their own. Latency is autocannon’s, over every answer.',
    '',
    `Run on ${date.toISOString().slice(0, 10)}: ${machineLine(machine)}.`,
    `Scenarios: ${results.map((result) => result.name).join(', ')}.`,
    '',
    summaryTable(results),
    '',
    ...results.flatMap((result) => [scenarioDetails(result), '']),
  ].join('\n');
}

/**
 * Replaces the section starting at `heading` (up to the next level-2 heading)
 * with `section`, or appends it; the rest of the document stays byte for byte.
 */
export function replaceSection(document: string, heading: string, section: string): string {
  const body = section.replace(/\n*$/, '\n');
  const lines = document.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) return `${document.replace(/\n*$/, '')}\n\n${body}`;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const before = lines
    .slice(0, start)
    .map((line) => `${line}\n`)
    .join('');
  return end === -1 ? before + body : `${before}${body}\n${lines.slice(end).join('\n')}`;
}
