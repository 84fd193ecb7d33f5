import type { EventType } from '../events/event-type';
import type { JobsComponent } from './composed-components';
import type { RegisteredJob, RegisteredListener } from './job-handlers';
import type { JobType } from './job-type';

/** A discovered `@OnSchedule` method, before it is matched with the meta. */
export interface ScheduleHandler {
  id: string;
  component: string;
  name: string;
}

export interface DiscoveredHandlers {
  listeners: RegisteredListener[];
  jobs: RegisteredJob[];
  schedules: ScheduleHandler[];
  /** Provider methods with a decorator outside every component module. */
  strays: string[];
}

/**
 * Pure: where the composed components' `events`/`schedules` (component.meta.ts)
 * and their code disagree, one line each with the fix. `events`/`jobs`: the
 * types defined in this process (only those of composed components count).
 */
export function componentEventProblems(
  components: readonly JobsComponent[],
  found: DiscoveredHandlers,
  events: readonly EventType<unknown>[],
  jobs: readonly JobType<unknown>[],
): string[] {
  const problems: string[] = [];
  const byId = new Map(components.map((component) => [component.meta.id, component]));
  const metaFile = (id: string) => `src/components/${id}/component.meta.ts`;

  for (const stray of found.strays) {
    problems.push(`${stray} is a listener or handler on a provider of no component; move it to a provider of the component it belongs to`);
  }
  for (const component of components) {
    const { id } = component.meta;
    const publishes = component.meta.events?.publishes ?? [];
    const defined = events.filter((event) => event.component === id);
    for (const event of defined) {
      if (!publishes.includes(event.name)) {
        problems.push(
          `component ${id} defines the event ${event.name} (defineEvent), which ${metaFile(id)} does not list; add '${event.name}' to events.publishes`,
        );
      }
    }
    for (const name of publishes) {
      if (!defined.some((event) => event.name === name)) {
        problems.push(
          `${metaFile(id)} lists ${name} in events.publishes, but component ${id} defines no such event; define it with defineEvent({ component: '${id}', name: '${name}', version: 1 }) in a file its index.ts exports, or remove it from events.publishes`,
        );
      }
    }
    const definedJobs = jobs.filter((job) => job.component === id);
    for (const job of definedJobs) {
      const handlers = found.jobs.filter((handler) => handler.task === job.task);
      if (handlers.length !== 1) {
        problems.push(
          `the job ${id}/${job.name} has ${handlers.length === 0 ? 'no @HandlesJob method' : `${handlers.length} @HandlesJob methods (${handlers.map((h) => h.id).join(', ')})`}; give it exactly one, on a provider of component ${id}`,
        );
      }
    }
    const declared = component.meta.schedules ?? [];
    for (const schedule of declared) {
      const handlers = found.schedules.filter((handler) => handler.component === id && handler.name === schedule.name);
      if (handlers.length !== 1) {
        problems.push(
          `${metaFile(id)} declares the schedule ${schedule.name}, which has ${handlers.length === 0 ? 'no @OnSchedule method' : `${handlers.length} @OnSchedule methods (${handlers.map((h) => h.id).join(', ')})`}; give it exactly one @OnSchedule('${schedule.name}') on a provider of component ${id}`,
        );
      }
    }
  }
  for (const handler of found.schedules) {
    const meta = byId.get(handler.component)?.meta;
    if (meta && !(meta.schedules ?? []).some((schedule) => schedule.name === handler.name)) {
      problems.push(
        `${handler.id} handles the schedule ${handler.name}, which ${metaFile(handler.component)} does not declare; add { name: '${handler.name}', cron: '...' } to its schedules`,
      );
    }
  }
  for (const job of found.jobs) {
    if (job.job.component !== job.component) {
      problems.push(
        `${job.id} handles the job ${job.job.component}/${job.job.name} of another component; a job is private to its component: handle it in ${job.job.component}`,
      );
    }
  }
  for (const listener of found.listeners) {
    const owner = listener.event.component;
    if (owner === listener.component) continue;
    const meta = byId.get(listener.component)!.meta;
    const key = `${owner}/${listener.event.name}`;
    if (!(meta.dependsOn ?? []).includes(owner)) {
      problems.push(
        `${listener.id} listens to ${key}, but ${metaFile(listener.component)} does not depend on ${owner}: add '${owner}' to dependsOn`,
      );
    }
    if (!(meta.events?.listensTo ?? []).includes(key)) {
      problems.push(
        `${listener.id} listens to ${key}, which ${metaFile(listener.component)} does not list; add '${key}' to events.listensTo`,
      );
    }
  }
  return problems;
}
