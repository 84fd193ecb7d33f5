import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { definedEventTypes } from '../events/event-type';
import { EVENT_LISTENER, type EventListenerMetadata } from '../events/on-event.decorator';
import { ComponentEventsError } from '../errors/component-events.error';
import { componentEventProblems, type DiscoveredHandlers, type ScheduleHandler } from './component-events.check';
import { ComponentDirectory } from './composed-components';
import { JOB_HANDLER, type JobHandlerMetadata, SCHEDULE_HANDLER, type ScheduleHandlerMetadata } from './job-handler.decorators';
import { listenerTask, type RegisteredJob, type RegisteredListener, type RegisteredSchedule, scheduleTask } from './job-handlers';
import { definedJobTypes, PLATFORM_JOBS } from './job-type';

type Method = (...args: unknown[]) => Promise<void>;

/**
 * Every listener, job handler and schedule of the composed components, found
 * on their providers when the app initialises (before anything is published),
 * and checked against their component.meta.ts (ComponentEventsError).
 */
@Injectable()
export class JobsRegistry implements OnModuleInit {
  private listenersByEvent = new Map<string, RegisteredListener[]>();
  listeners: RegisteredListener[] = [];
  jobs: RegisteredJob[] = [];
  schedules: RegisteredSchedule[] = [];

  private readonly scanner = new MetadataScanner();

  constructor(
    private readonly modules: ModulesContainer,
    private readonly directory: ComponentDirectory,
  ) {}

  onModuleInit(): void {
    const components = this.directory.components;
    const found: DiscoveredHandlers = { listeners: [], jobs: [], schedules: [], strays: [] };
    const scheduleMethods = new Map<string, Method & { owner: object }>();
    const componentOfModule = new Map(components.map((component) => [component.module, component.meta.id]));
    const seen = new Set<object>();
    for (const moduleRef of this.modules.values()) {
      const component = componentOfModule.get(moduleRef.metatype);
      for (const wrapper of moduleRef.providers.values()) {
        const instance = wrapper.instance as Record<string, unknown> | undefined;
        if (!instance || typeof instance !== 'object' || wrapper.isTransient || seen.has(instance)) continue;
        const prototype = Object.getPrototypeOf(instance) as object | null;
        if (!prototype || prototype === Object.prototype) continue;
        seen.add(instance);
        for (const name of this.scanner.getAllMethodNames(prototype)) {
          const method = (prototype as Record<string, Method>)[name];
          const listener = Reflect.getMetadata(EVENT_LISTENER, method) as EventListenerMetadata | undefined;
          const job = Reflect.getMetadata(JOB_HANDLER, method) as JobHandlerMetadata | undefined;
          const schedule = Reflect.getMetadata(SCHEDULE_HANDLER, method) as ScheduleHandlerMetadata | undefined;
          if (!listener && !job && !schedule) continue;
          // The platform's own jobs (mail) are handled in platform modules, not components.
          const owner = component ?? (job?.job.component === PLATFORM_JOBS && !listener && !schedule ? PLATFORM_JOBS : undefined);
          const where = `${owner ?? '?'}.${prototype.constructor.name}.${name}`;
          if (!owner) {
            found.strays.push(`${prototype.constructor.name}.${name} (module ${moduleRef.metatype.name})`);
            continue;
          }
          const bound = (...args: unknown[]) => method.apply(instance, args);
          if (listener) {
            found.listeners.push({
              id: where,
              component: owner,
              event: listener.event,
              task: listenerTask(where),
              maxAttempts: listener.maxAttempts,
              transaction: listener.transaction,
              run: bound,
            });
          }
          if (job)
            found.jobs.push({ id: where, component: owner, job: job.job, task: job.job.task, transaction: job.transaction, run: bound });
          if (schedule) {
            const handler: ScheduleHandler = { id: where, component: owner, name: schedule.name };
            found.schedules.push(handler);
            scheduleMethods.set(`${owner}/${schedule.name}`, Object.assign(bound, { owner: instance }));
          }
        }
      }
    }
    const problems = componentEventProblems(components, found, definedEventTypes(), definedJobTypes());
    if (problems.length > 0) {
      throw new ComponentEventsError(
        `component events, jobs and schedules disagree with their component.meta.ts:\n  ${problems.join('\n  ')}`,
      );
    }
    this.listeners = found.listeners;
    this.jobs = found.jobs;
    this.schedules = components.flatMap((component) =>
      (component.meta.schedules ?? []).map((schedule) => {
        const handler = found.schedules.find((candidate) => candidate.component === component.meta.id && candidate.name === schedule.name)!;
        return {
          id: handler.id,
          component: component.meta.id,
          name: schedule.name,
          cron: schedule.cron,
          task: scheduleTask(component.meta.id, schedule.name),
          run: scheduleMethods.get(`${component.meta.id}/${schedule.name}`)!,
        };
      }),
    );
    this.listenersByEvent = new Map();
    for (const listener of this.listeners) {
      const list = this.listenersByEvent.get(listener.event.key) ?? [];
      list.push(listener);
      this.listenersByEvent.set(listener.event.key, list);
    }
  }

  /** The listeners registered for an event type (`<component>/<name>@<version>`). */
  listenersOf(eventKey: string): readonly RegisteredListener[] {
    return this.listenersByEvent.get(eventKey) ?? [];
  }

  /**
   * A listener added after discovery that is never run (the test scenario's
   * probe, src/testing/events/): publish writes a job for it, which stays to
   * be read. Publications before it do not reach it.
   */
  addProbe(listener: RegisteredListener): void {
    if (this.listenersOf(listener.event.key).some((registered) => registered.task === listener.task)) return;
    this.listenersByEvent.set(listener.event.key, [...this.listenersOf(listener.event.key), listener]);
  }
}
