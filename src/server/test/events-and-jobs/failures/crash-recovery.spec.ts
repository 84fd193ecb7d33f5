// Delivery across a crash, with real processes: an app instance in a child
// process commits an event and is killed with SIGKILL (no shutdown hook
// runs); another instance started afterwards delivers it, exactly once to
// each listener.
import { IN_TRANSACTION_HOLD_EXPIRED } from '../../../../testing/fixture-component/fixture-hold';
import { INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS } from '../../../../testing/process/fixture-app-instance';
import { addNoteThrough, DELIVERIES_TIMEOUT_MS, deliveredOnce, waitForDeliveries } from './deliveries';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';
import { useFailureFixture } from './failure-fixture';

/** The first test's waits, one after the other: the publisher starts, the successor starts, the deliveries. */
const KILLED_BEFORE_DELIVERY_TIMEOUT_MS = jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, INSTANCE_START_TIMEOUT_MS, DELIVERIES_TIMEOUT_MS]);
/** The second test's: the first instance starts, logs `holding`, the second starts, the deliveries. */
const KILLED_HALFWAY_TIMEOUT_MS = jestTimeoutFor([
  INSTANCE_START_TIMEOUT_MS,
  LOG_LINE_TIMEOUT_MS,
  INSTANCE_START_TIMEOUT_MS,
  DELIVERIES_TIMEOUT_MS,
]);

describe('event delivery when an app instance is killed (kill -9)', () => {
  const fixture = useFailureFixture();

  it(
    'delivers an event committed by an instance killed before it delivered it, once to each listener, when another instance starts',
    async () => {
      // JOBS_CONCURRENCY=0: this instance publishes but delivers nothing, so the deliveries are still pending when it dies.
      const publisher = await fixture.instances.start({ name: 'publisher', env: { JOBS_CONCURRENCY: '0' } });
      const noteId = await addNoteThrough(publisher, fixture.probe, 'committed, then the instance was killed');
      // Not delivered when it dies: its deliveries wait in the outbox (an instance running no jobs relays none) or, if
      // relayed, in the queue, unlocked and never attempted.
      const pending = [
        ...(await fixture.probe.outboxTasks()),
        ...(await fixture.probe.jobs('event:')).filter((job) => job.lockedBy === null && job.attempts === 0).map((job) => job.task),
      ];
      await publisher.kill();

      const successor = await fixture.instances.start({ name: 'successor' });
      const delivered = await waitForDeliveries(fixture.probe, [noteId], [successor]);

      expect(pending).toEqual([expect.stringMatching(/^event:fixture\./), expect.stringMatching(/^event:fixture\./)]);
      expect(delivered).toEqual(deliveredOnce([noteId]));
    },
    KILLED_BEFORE_DELIVERY_TIMEOUT_MS,
  );

  it(
    'delivers again, once, an event whose delivery was under way in an instance killed halfway: the stale-lock sweeper releases it',
    async () => {
      // The first instance's listeners start the delivery, write their effect and hold INSIDE their transaction until it is
      // killed (FIXTURE_HOLD_IN_TRANSACTION, the one test that holds there): an effect written but never committed must not
      // count, and the delivery must run again. The hold is bounded below the transaction's cap (fixture-hold.ts); the test
      // kills the instance as soon as it logs `holding`, and checks below that the bound was not reached first.
      const hold = fixture.instances.holdFile();
      const first = await fixture.instances.start({
        name: 'first',
        env: { FIXTURE_HOLD_FILE: hold.path, FIXTURE_HOLD_IN_TRANSACTION: '1', JOBS_STALE_LOCK_MS: '1000' },
      });
      const { id: noteId } = await fixture.server.notes.create({
        title: 'delivery under way when killed',
        content: null,
        status: 'PUBLISHED',
        author: 'Failure tests',
      });
      await first.waitForLogLine(new RegExp(`holding .*${noteId}`), `that a listener holds the delivery of note ${noteId}`);
      const lockedWhenKilled = (await fixture.probe.jobs('event:')).filter((job) => job.lockedBy !== null);
      await first.kill();

      const second = await fixture.instances.start({ name: 'second', env: { JOBS_STALE_LOCK_MS: '1000' } });
      const delivered = await waitForDeliveries(fixture.probe, [noteId], [second]);

      // Killed while its listeners still held inside their transaction, not after the hold's bound made them fail.
      expect(
        first
          .log()
          .split('\n')
          .filter((line) => line.includes(IN_TRANSACTION_HOLD_EXPIRED)),
      ).toEqual([]);
      expect(lockedWhenKilled.length).toBeGreaterThan(0);
      expect(delivered).toEqual(deliveredOnce([noteId]));
      expect(second.log()).toMatch(/released the jobs locked for over 1000 ms by .+, which no running instance holds/);
    },
    KILLED_HALFWAY_TIMEOUT_MS,
  );
});
