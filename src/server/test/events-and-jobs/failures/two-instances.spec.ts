// Two app instances (child processes) running jobs on one queue, as two
// replicas behind a load balancer do: each delivery runs in one of them,
// once; a schedule runs once per tick, not once per instance.
import { type FixtureAppInstance, INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS } from '../../../../testing/process/fixture-app-instance';
import { DEFAULT_WAIT_TIMEOUT_MS, waitUntil } from '../../../../testing/process/wait-until';
import { DELIVERIES_TIMEOUT_MS, deliveredOnce, waitForDeliveries } from './deliveries';
import { describeJobs } from './queue-probe';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';
import { useFailureFixture } from './failure-fixture';

/** Every minute, in these instances only (the fixture's own schedule is every 5 minutes): see fixture-events.ts. */
const EVERY_MINUTE = { FIXTURE_TIDY_CRON: '* * * * *' };

/** nextRun's bound: cron ticks each minute, so generous. */
const NEXT_RUN_TIMEOUT_MS = 150_000;

/** The first test's waits: the two instances start (side by side), the deliveries. */
const EACH_EVENT_ONCE_TIMEOUT_MS = jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, DELIVERIES_TIMEOUT_MS]);
/**
 * The second test's: the two instances start and log that their runners
 * started (side by side), three ticks' runs one after the other (about a
 * minute each), the queue empties.
 */
const ONCE_PER_TICK_TIMEOUT_MS = jestTimeoutFor([
  INSTANCE_START_TIMEOUT_MS,
  LOG_LINE_TIMEOUT_MS,
  NEXT_RUN_TIMEOUT_MS,
  NEXT_RUN_TIMEOUT_MS,
  NEXT_RUN_TIMEOUT_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
]);

describe('event delivery and schedules with two app instances', () => {
  const fixture = useFailureFixture();

  it(
    'delivers each of 40 events once to each listener while two instances run jobs',
    async () => {
      const [one, two] = await Promise.all([fixture.instances.start({ name: 'one' }), fixture.instances.start({ name: 'two' })]);

      const noteIds: string[] = [];
      for (let i = 0; i < 40; i++) {
        const note = await fixture.server.notes.create({
          title: `note ${i} for two instances`,
          content: null,
          status: 'PUBLISHED',
          author: 'Failure tests',
        });
        noteIds.push(note.id);
      }
      const delivered = await waitForDeliveries(fixture.probe, noteIds, [one, two]);

      expect(delivered).toEqual(deliveredOnce(noteIds));
    },
    EACH_EVENT_ONCE_TIMEOUT_MS,
  );

  it(
    'runs a schedule once per tick while two instances run it, not once per instance',
    async () => {
      const both = await Promise.all([
        fixture.instances.start({ name: 'one', env: EVERY_MINUTE }),
        fixture.instances.start({ name: 'two', env: EVERY_MINUTE }),
      ]);
      // Both instances' cron is running before the tick the test looks at: a tick some seconds after both runners said they
      // started (cron starts with the runner; the margin covers its first query).
      await Promise.all(
        both.map((instance) => instance.waitForLogLine(/Worker connected and looking for jobs/, 'that its job runner started')),
      );
      const bothRunning = new Date(Date.now() + 5_000);

      const first = await nextRun(
        both,
        (ref) => new Date(ref) > bothRunning,
        `a tidy-notes run for a tick after ${bothRunning.toISOString()}`,
      );
      // The next tick's run: by then the schedule's last execution is past the first tick, so no instance can schedule that
      // tick again. Likewise the third tick's run closes the second tick.
      const second = await nextRun(both, (ref) => new Date(ref) > new Date(first), `a tidy-notes run for a tick after ${first}`);
      await nextRun(both, (ref) => new Date(ref) > new Date(second), `a tidy-notes run for a tick after ${second}`);
      await waitUntil('the queue to hold no schedule job', async () => {
        const jobs = await fixture.probe.jobs('schedule:');
        return jobs.length === 0 ? { done: true, value: undefined } : { done: false, seen: describeJobs(jobs) };
      });

      // Runs of the first and of the second tick: one each.
      const runs = (await fixture.probe.effects('tidy-notes')).map((effect) => effect.ref);
      expect({ [first]: runs.filter((ref) => ref === first).length, [second]: runs.filter((ref) => ref === second).length }).toEqual({
        [first]: 1,
        [second]: 1,
      });
    },
    // Cron ticks once a minute: three ticks after the instances start take up to about four minutes.
    ONCE_PER_TICK_TIMEOUT_MS,
  );

  /** The `ref` (the tick, ISO) of the first tidy-notes run for which `wanted(ref)` holds; cron ticks each minute, so the bound is generous. */
  function nextRun(running: FixtureAppInstance[], wanted: (ref: string) => boolean, awaited: string): Promise<string> {
    return waitUntil(
      awaited,
      async () => {
        for (const instance of running) instance.assertRunning(`while the test waited for ${awaited}`);
        const runs = await fixture.probe.effects('tidy-notes');
        const run = runs.find((effect) => wanted(effect.ref));
        return run
          ? { done: true, value: run.ref }
          : { done: false, seen: `runs for ${runs.map((effect) => effect.ref).join(', ') || 'no tick'}` };
      },
      { timeoutMs: NEXT_RUN_TIMEOUT_MS, intervalMs: 500 },
    );
  }
});
