// Pure: the rules for a component's `events` and `schedules` (component-meta.ts).
// Listening is checked across components: the event must exist and its
// publisher be in dependsOn, the same rule as an import or a relation.
import { parseCronItem } from 'graphile-worker';
import type { ComponentEntry, ComponentProblem } from './validate-components';

/** Event and schedule names: lower-case words of letters and digits joined by single dashes. */
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CRON_EXAMPLE = "e.g. '*/15 * * * *' (every 15 minutes) or '0 3 * * *' (03:00 UTC daily)";

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const kebabFix = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');

/** What a component's valid `events.publishes` lists, to check the listeners of other components against. */
function publishedBy(meta: unknown): string[] | undefined {
  if (!isObject(meta)) return undefined;
  if (meta.events === undefined) return [];
  if (!isObject(meta.events)) return undefined;
  const publishes = meta.events.publishes;
  return publishes === undefined ? [] : isStringList(publishes) ? publishes : undefined;
}

export function validateEventsAndSchedules(entries: ComponentEntry[]): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const byFolder = new Map(entries.map((entry) => [entry.folder, entry]));
  for (const { folder, metaPath, meta } of entries) {
    if (!isObject(meta)) continue;
    const at = (field: string, text: string) => problems.push({ folder, text: `${metaPath}: field "${field}" ${text}` });
    const dependsOn = isStringList(meta.dependsOn) ? meta.dependsOn : [];

    if (meta.events !== undefined) {
      if (!isObject(meta.events)) {
        at('events', "must be an object, e.g. events: { publishes: ['note-added'], listensTo: ['accounts/account-deleted'] }");
      } else {
        for (const key of Object.keys(meta.events).filter((key) => key !== 'publishes' && key !== 'listensTo')) {
          at(`events.${key}`, 'is not read; events has only publishes and listensTo');
        }
        validatePublishes(meta.events.publishes, at);
        validateListensTo(meta.events.listensTo, { folder, dependsOn, byFolder }, at);
      }
    }
    if (meta.schedules !== undefined) validateSchedules(meta.schedules, folder, at);
  }
  return problems;
}

type At = (field: string, text: string) => void;

function validatePublishes(publishes: unknown, at: At): void {
  if (publishes === undefined) return;
  if (!isStringList(publishes)) return at('events.publishes', "must be a list of event names, e.g. publishes: ['note-added']");
  publishes.forEach((name, i) => {
    if (!KEBAB_CASE.test(name)) {
      at('events.publishes', `lists "${name}", which is not a kebab-case event name; rename it, e.g. '${kebabFix(name) || 'note-added'}'`);
    } else if (publishes.indexOf(name) !== i) at('events.publishes', `lists "${name}" twice; remove one`);
  });
}

function validateListensTo(
  listensTo: unknown,
  { folder, dependsOn, byFolder }: { folder: string; dependsOn: string[]; byFolder: Map<string, ComponentEntry> },
  at: At,
): void {
  if (listensTo === undefined) return;
  const field = 'events.listensTo';
  if (!isStringList(listensTo))
    return at(field, "must be a list of '<component>/<event-name>', e.g. listensTo: ['accounts/account-deleted']");
  listensTo.forEach((reference, i) => {
    const [component, name, ...rest] = reference.split('/');
    if (name === undefined || rest.length > 0 || !KEBAB_CASE.test(component) || !KEBAB_CASE.test(name)) {
      return at(field, `lists "${reference}"; write '<component>/<event-name>' in kebab-case, e.g. 'accounts/account-deleted'`);
    }
    if (listensTo.indexOf(reference) !== i) return at(field, `lists "${reference}" twice; remove one`);
    if (component === folder) {
      return at(
        field,
        `lists "${reference}", an event of this component itself; list only other components' events (listeners of your own events need no entry)`,
      );
    }
    const publisher = byFolder.get(component);
    if (!publisher) {
      const existing = [...byFolder.keys()].filter((id) => id !== folder).join(', ') || 'none';
      return at(field, `lists "${reference}", but there is no src/components/${component}; fix the id (existing components: ${existing})`);
    }
    const published = publishedBy(publisher.meta);
    // An unreadable publisher meta has an error of its own; checking against it would only add noise.
    if (published !== undefined && !published.includes(name)) {
      const list = published.length > 0 ? published.join(', ') : 'none';
      return at(
        field,
        `lists "${reference}", but ${component} does not publish "${name}" (its events.publishes: ${list}); fix the name, or declare the event in ${publisher.metaPath}`,
      );
    }
    if (!dependsOn.includes(component)) {
      at(field, `lists "${reference}", but ${folder} does not depend on ${component}; add '${component}' to dependsOn`);
    }
  });
}

function validateSchedules(schedules: unknown, folder: string, at: At): void {
  if (!Array.isArray(schedules)) {
    return at('schedules', `must be a list, e.g. schedules: [{ name: 'prune-expired', cron: '*/15 * * * *', description: '...' }]`);
  }
  const seen = new Set<string>();
  schedules.forEach((schedule: unknown, i) => {
    const field = `schedules[${i}]`;
    if (!isObject(schedule)) return at(field, 'must be an object { name, cron, description? }');
    const { name, cron, description } = schedule;
    if (typeof name !== 'string' || !KEBAB_CASE.test(name)) {
      const suggestion = typeof name === 'string' && kebabFix(name) ? kebabFix(name) : 'prune-expired';
      at(`${field}.name`, `is ${JSON.stringify(name)}; name the schedule in kebab-case, e.g. '${suggestion}'`);
    } else if (seen.has(name)) {
      at(`${field}.name`, `"${name}" is already the name of another schedule of ${folder}; schedule names must be unique per component`);
    } else seen.add(name);
    const label = typeof name === 'string' ? `schedule "${name}"` : `schedule ${i}`;
    if (typeof cron !== 'string') {
      at(
        `${field}.cron`,
        `is required for ${label}; write five fields in UTC (minute hour day-of-month month day-of-week), ${CRON_EXAMPLE}`,
      );
    } else {
      const reason = cronError(cron, `${label} of ${folder}`);
      if (reason) {
        at(
          `${field}.cron`,
          `of ${label} is "${cron}", which is not a cron graphile-worker can run (${reason}); write five fields in UTC (minute hour day-of-month month day-of-week), ${CRON_EXAMPLE}`,
        );
      }
    }
    if (description !== undefined && typeof description !== 'string') {
      at(`${field}.description`, `of ${label} must be a string; write what the schedule does, or remove it`);
    }
  });
}

/** The reason graphile-worker's own parser (the one the runner uses) refuses `cron`, if it does. */
function cronError(cron: string, source: string): string | undefined {
  try {
    parseCronItem({ task: 'schedule-check', match: cron }, source);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/\.$/, '');
  }
}
