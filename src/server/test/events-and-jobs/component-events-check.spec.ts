import { Injectable, Module, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DatabaseModule } from '../../../database/runtime/database.module';
import { ComponentComposition } from '../../components/component-composition';
import type { ComponentMeta } from '../../../platform/component-meta';
import { ComponentEventsError } from '../../../platform/errors/component-events.error';
import { defineEvent } from '../../../platform/events/event-type';
import { OnEvent } from '../../../platform/events/on-event.decorator';
import { OnSchedule } from '../../../platform/jobs/job-handler.decorators';
import { JobsModule } from '../../../platform/jobs/jobs.module';

const EntryPosted = defineEvent<{ entryId: string }>({ component: 'ledger', name: 'entry-posted', version: 1 });

@Injectable()
class AuditListener {
  @OnEvent(EntryPosted)
  async note(): Promise<void> {}
}

@Injectable()
class ReportsJobs {
  @OnSchedule('weekly-summary')
  async summarise(): Promise<void> {}
}

@Module({})
class LedgerModule {}
@Module({ providers: [AuditListener] })
class AuditModule {}
@Module({ providers: [ReportsJobs] })
class ReportsModule {}

const ledger: ComponentMeta = { id: 'ledger', title: 'Ledger', routes: [], events: { publishes: ['entry-posted'] } };

async function boot(metas: ComponentMeta[], modules: Record<string, Type>, id: string): Promise<unknown> {
  const composition = ComponentComposition.of(metas, modules);
  const moduleRef = await Test.createTestingModule({ imports: [DatabaseModule, JobsModule, ...composition.modulesFor([id])] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await app.close();
  }
}

describe('the boot check of events, jobs and schedules against component.meta.ts', () => {
  it('refuses a listener of another component that the listening component neither depends on nor lists', async () => {
    const error = await boot([ledger, { id: 'audit', title: 'Audit', routes: [] }], { ledger: LedgerModule, audit: AuditModule }, 'audit');

    expect(error).toBeInstanceOf(ComponentEventsError);
    expect((error as Error).message).toContain(
      "audit.AuditListener.note listens to ledger/entry-posted, but src/components/audit/component.meta.ts does not depend on ledger: add 'ledger' to dependsOn",
    );
    expect((error as Error).message).toContain(
      "audit.AuditListener.note listens to ledger/entry-posted, which src/components/audit/component.meta.ts does not list; add 'ledger/entry-posted' to events.listensTo",
    );
  });

  it('starts when the listener is declared in dependsOn and listensTo', async () => {
    const audit: ComponentMeta = {
      id: 'audit',
      title: 'Audit',
      routes: [],
      dependsOn: ['ledger'],
      events: { listensTo: ['ledger/entry-posted'] },
    };

    expect(await boot([ledger, audit], { ledger: LedgerModule, audit: AuditModule }, 'audit')).toBeUndefined();
  });

  it('refuses an event defined but not published, a schedule without its handler and a handler without its schedule', async () => {
    const reports: ComponentMeta = {
      id: 'reports',
      title: 'Reports',
      routes: [],
      schedules: [{ name: 'nightly-export', cron: '0 3 * * *' }],
    };
    const error = await boot(
      [
        { ...ledger, events: {} },
        { ...reports, dependsOn: ['ledger'] },
      ],
      { ledger: LedgerModule, reports: ReportsModule },
      'reports',
    );

    expect(error).toBeInstanceOf(ComponentEventsError);
    const message = (error as Error).message;
    expect(message).toContain(
      "component ledger defines the event entry-posted (defineEvent), which src/components/ledger/component.meta.ts does not list; add 'entry-posted' to events.publishes",
    );
    expect(message).toContain(
      "src/components/reports/component.meta.ts declares the schedule nightly-export, which has no @OnSchedule method; give it exactly one @OnSchedule('nightly-export') on a provider of component reports",
    );
    expect(message).toContain(
      "reports.ReportsJobs.summarise handles the schedule weekly-summary, which src/components/reports/component.meta.ts does not declare; add { name: 'weekly-summary', cron: '...' } to its schedules",
    );
  });
});
