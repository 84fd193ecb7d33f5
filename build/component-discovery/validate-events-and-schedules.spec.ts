import type { ComponentEntry } from './validate-components';
import { validateEventsAndSchedules } from './validate-events-and-schedules';

/** A component as discovery reads it: `fields` are added to a valid minimal meta. */
const component = (id: string, fields: Record<string, unknown> = {}): ComponentEntry => ({
  folder: id,
  metaPath: `src/components/${id}/component.meta.ts`,
  modulePath: `src/components/${id}/component.module.ts`,
  meta: { id, title: id, routes: [], ...fields },
  moduleClasses: ['Module'],
});

const accounts = component('accounts', { events: { publishes: ['account-deleted', 'account-created'] } });
const texts = (...entries: ComponentEntry[]) => validateEventsAndSchedules(entries).map((problem) => problem.text);

describe('the events and schedules of component metadata (build)', () => {
  it('accepts a listener of an event its dependency publishes, and schedules with distinct names and valid crons', () => {
    const demo = component('demo', {
      dependsOn: ['accounts'],
      events: { publishes: ['post-hidden'], listensTo: ['accounts/account-deleted'] },
      schedules: [
        { name: 'prune-expired', cron: '*/15 * * * *', description: 'Deletes what can never count again' },
        { name: 'nightly-digest', cron: '0 3 * * 1-5' },
      ],
    });

    expect(texts(accounts, demo)).toEqual([]);
  });

  describe('listensTo', () => {
    it('rejects a listener of another component that is not in dependsOn, and says to add it', () => {
      const demo = component('demo', { events: { listensTo: ['accounts/account-deleted'] } });

      expect(validateEventsAndSchedules([accounts, demo])).toEqual([
        {
          folder: 'demo',
          text: 'src/components/demo/component.meta.ts: field "events.listensTo" lists "accounts/account-deleted", but demo does not depend on accounts; add \'accounts\' to dependsOn',
        },
      ]);
    });

    it('rejects an event the other component does not publish, naming what it publishes and where to declare it', () => {
      const demo = component('demo', { dependsOn: ['accounts'], events: { listensTo: ['accounts/account-removed'] } });

      expect(texts(accounts, demo)).toEqual([
        'src/components/demo/component.meta.ts: field "events.listensTo" lists "accounts/account-removed", but accounts does not publish "account-removed" (its events.publishes: account-deleted, account-created); fix the name, or declare the event in src/components/accounts/component.meta.ts',
      ]);
    });

    it('rejects an event of a component that publishes nothing', () => {
      const demo = component('demo', { dependsOn: ['system'], events: { listensTo: ['system/started'] } });

      expect(texts(component('system'), demo)).toEqual([
        expect.stringContaining('lists "system/started", but system does not publish "started" (its events.publishes: none)'),
      ]);
    });

    it('rejects an event of a component that does not exist, naming the existing ones', () => {
      const demo = component('demo', { events: { listensTo: ['billing/invoice-paid'] } });

      expect(texts(accounts, demo)).toEqual([
        'src/components/demo/component.meta.ts: field "events.listensTo" lists "billing/invoice-paid", but there is no src/components/billing; fix the id (existing components: accounts)',
      ]);
    });

    it('rejects an entry that is not <component>/<event-name> in kebab-case', () => {
      const demo = component('demo', { dependsOn: ['accounts'], events: { listensTo: ['account-deleted', 'accounts/AccountDeleted'] } });

      expect(texts(accounts, demo)).toEqual([
        `src/components/demo/component.meta.ts: field "events.listensTo" lists "account-deleted"; write '<component>/<event-name>' in kebab-case, e.g. 'accounts/account-deleted'`,
        `src/components/demo/component.meta.ts: field "events.listensTo" lists "accounts/AccountDeleted"; write '<component>/<event-name>' in kebab-case, e.g. 'accounts/account-deleted'`,
      ]);
    });

    it("rejects the component's own event, whose listeners need no entry", () => {
      const own = component('accounts', { events: { publishes: ['account-deleted'], listensTo: ['accounts/account-deleted'] } });

      expect(texts(own)).toEqual([expect.stringContaining('lists "accounts/account-deleted", an event of this component itself')]);
    });

    it('rejects the same event listed twice', () => {
      const demo = component('demo', {
        dependsOn: ['accounts'],
        events: { listensTo: ['accounts/account-deleted', 'accounts/account-deleted'] },
      });

      expect(texts(accounts, demo)).toEqual([
        'src/components/demo/component.meta.ts: field "events.listensTo" lists "accounts/account-deleted" twice; remove one',
      ]);
    });
  });

  describe('publishes', () => {
    it('rejects an event name that is not kebab-case and suggests one', () => {
      expect(texts(component('accounts', { events: { publishes: ['AccountDeleted'] } }))).toEqual([
        `src/components/accounts/component.meta.ts: field "events.publishes" lists "AccountDeleted", which is not a kebab-case event name; rename it, e.g. 'account-deleted'`,
      ]);
    });

    it('rejects an event name listed twice', () => {
      expect(texts(component('accounts', { events: { publishes: ['account-deleted', 'account-deleted'] } }))).toEqual([
        'src/components/accounts/component.meta.ts: field "events.publishes" lists "account-deleted" twice; remove one',
      ]);
    });

    it('rejects events that are not an object of lists, and a key events does not have', () => {
      expect(texts(component('a', { events: ['x'] }), component('b', { events: { publishes: 'x', listens: [] } }))).toEqual([
        `src/components/a/component.meta.ts: field "events" must be an object, e.g. events: { publishes: ['note-added'], listensTo: ['accounts/account-deleted'] }`,
        'src/components/b/component.meta.ts: field "events.listens" is not read; events has only publishes and listensTo',
        `src/components/b/component.meta.ts: field "events.publishes" must be a list of event names, e.g. publishes: ['note-added']`,
      ]);
    });
  });

  describe('schedules', () => {
    it('rejects two schedules of one component with the same name', () => {
      const schedules = [
        { name: 'prune-expired', cron: '*/15 * * * *' },
        { name: 'prune-expired', cron: '0 3 * * *' },
      ];

      expect(texts(component('accounts', { schedules }))).toEqual([
        'src/components/accounts/component.meta.ts: field "schedules[1].name" "prune-expired" is already the name of another schedule of accounts; schedule names must be unique per component',
      ]);
    });

    it('accepts the same schedule name in two components', () => {
      const schedules = [{ name: 'prune-expired', cron: '*/15 * * * *' }];

      expect(texts(component('accounts', { schedules }), component('demo', { schedules }))).toEqual([]);
    });

    it('rejects a schedule name that is not kebab-case and suggests one', () => {
      expect(texts(component('accounts', { schedules: [{ name: 'pruneExpired', cron: '*/15 * * * *' }] }))).toEqual([
        `src/components/accounts/component.meta.ts: field "schedules[0].name" is "pruneExpired"; name the schedule in kebab-case, e.g. 'prune-expired'`,
      ]);
    });

    it.each([
      ['six fields', '0 0 3 * * *', "Invalid cron pattern '0 0 3 * * *'"],
      ['a minute out of range', '61 * * * *', "Too large value '61' in minutes range"],
      ['a nickname such as @daily', '@daily', "Invalid cron pattern '@daily'"],
      ['a zero step', '*/0 * * * *', "Invalid wildcard expression '*/0'"],
    ])("rejects a cron with %s, naming the component, the schedule and graphile-worker's reason", (_, cron, reason) => {
      const [text] = texts(component('accounts', { schedules: [{ name: 'prune-expired', cron }] }));

      expect(text).toContain(
        `src/components/accounts/component.meta.ts: field "schedules[0].cron" of schedule "prune-expired" is "${cron}", which is not a cron graphile-worker can run (${reason}`,
      );
      expect(text).toContain('schedule "prune-expired" of accounts');
      expect(text).toContain('write five fields in UTC (minute hour day-of-month month day-of-week)');
    });

    it('rejects a schedule without a cron, and a description that is not text', () => {
      expect(texts(component('accounts', { schedules: [{ name: 'prune-expired', description: 3 }] }))).toEqual([
        expect.stringContaining('field "schedules[0].cron" is required for schedule "prune-expired"; write five fields in UTC'),
        'src/components/accounts/component.meta.ts: field "schedules[0].description" of schedule "prune-expired" must be a string; write what the schedule does, or remove it',
      ]);
    });

    it('rejects schedules that are not a list of objects', () => {
      expect(texts(component('a', { schedules: { name: 'x' } }), component('b', { schedules: ['0 3 * * *'] }))).toEqual([
        expect.stringContaining('src/components/a/component.meta.ts: field "schedules" must be a list, e.g. schedules: [{ name: '),
        'src/components/b/component.meta.ts: field "schedules[0]" must be an object { name, cron, description? }',
      ]);
    });
  });
});
