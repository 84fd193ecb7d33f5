import { MAX_ATTEMPTS_LIMIT } from './dead-letter';
/** A background job of a component, private to it: `job:<component>.<name>`. */
export interface JobType<P> {
  readonly component: string;
  readonly name: string;
  readonly maxAttempts: number;
  /** graphile-worker's task identifier. */
  readonly task: string;
  /** Carries the payload type only; never set. */
  readonly __payload?: P;
}

/** The component name of the platform's own jobs (`job:platform.send-mail`), handled in platform modules. */
export const PLATFORM_JOBS = 'platform';

const definedJobs = new Map<string, JobType<unknown>>();

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a job of a component (keep it private to the component):
 * `export const SendDigest = defineJob<{ accountId: string }>({ component: 'accounts', name: 'send-digest' })`.
 * Exactly one `@HandlesJob(SendDigest)` method of the component runs it.
 */
export function defineJob<P>(definition: { component: string; name: string; maxAttempts?: number }): JobType<P> {
  const { component, name, maxAttempts = 10 } = definition;
  if (!KEBAB.test(name) || !Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
    throw new Error(
      `defineJob({ component: '${component}', name: '${name}' }): the name must be kebab-case (send-digest) and maxAttempts a whole number from 1 to ${MAX_ATTEMPTS_LIMIT} (graphile-worker keeps it in a smallint)`,
    );
  }
  const type: JobType<P> = Object.freeze({ component, name, maxAttempts, task: `job:${component}.${name}` });
  definedJobs.set(type.task, type);
  return type;
}

export function definedJobTypes(): JobType<unknown>[] {
  return [...definedJobs.values()];
}

/** A job as its handler receives it. */
export interface QueuedJob<P> {
  id: string;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

/** A run of a schedule (component.meta.ts `schedules`). */
export interface ScheduledRun {
  name: string;
  /** The cron tick this run is for. */
  scheduledAt: Date;
}
