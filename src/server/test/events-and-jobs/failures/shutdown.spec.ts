// SIGTERM to an app instance (a child process) while one of its jobs runs,
// as a process manager stops a replica: the job either finishes before the
// process exits, or (still running at SHUTDOWN_TIMEOUT_MS) is released and
// runs again in the next instance. Never lost, never done without its effect.
import { JobQueue } from '../../../../surface';
import { NoteDigest } from '../../../../testing/fixture-component/fixture-events';
import {
  type FixtureAppInstance,
  INSTANCE_START_TIMEOUT_MS,
  LOG_LINE_TIMEOUT_MS,
  TERMINATE_BOUND_MS,
} from '../../../../testing/process/fixture-app-instance';
import { DEFAULT_WAIT_TIMEOUT_MS, waitUntil } from '../../../../testing/process/wait-until';
import { describeJobs } from './queue-probe';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';
import { useFailureFixture } from './failure-fixture';

/** The first test's waits: the instance starts, logs that it holds the job, logs SIGTERM received, exits (terminate's bound). */
const FINISHES_TIMEOUT_MS = jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS, TERMINATE_BOUND_MS]);
/** The second test's: the instance starts, holds the job, exits; the next instance starts and runs the job. */
const RELEASED_TIMEOUT_MS = jestTimeoutFor([
  INSTANCE_START_TIMEOUT_MS,
  LOG_LINE_TIMEOUT_MS,
  TERMINATE_BOUND_MS,
  INSTANCE_START_TIMEOUT_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
]);

describe('a running job when its app instance is stopped with SIGTERM', () => {
  const fixture = useFailureFixture();

  /** Enqueues the fixture's note-digest job from this process (which runs no jobs) and waits until `instance` holds it. */
  async function digestHeldBy(instance: FixtureAppInstance, noteId: string): Promise<void> {
    await fixture.server.app.get(JobQueue).enqueue(NoteDigest, { noteId });
    await instance.waitForLogLine(new RegExp(`holding .*${noteId}`), `that it holds the note-digest job for ${noteId}`);
  }

  const digestsOf = async (noteId: string) => (await fixture.probe.effects('note-digest')).filter((effect) => effect.ref === noteId);

  it(
    'lets a job that is running when SIGTERM arrives finish before the process exits: its effect is recorded and the job is gone',
    async () => {
      const hold = fixture.instances.holdFile();
      const instance = await fixture.instances.start({
        name: 'stopping',
        env: { FIXTURE_HOLD_FILE: hold.path, SHUTDOWN_TIMEOUT_MS: '60000' },
      });
      await digestHeldBy(instance, 'finishes-on-sigterm');

      const exiting = instance.terminate();
      await instance.waitForLogLine(/SIGTERM received/, 'that it began to stop');
      hold.release();
      const exit = await exiting;

      expect(exit).toEqual({ code: 0, signal: null });
      expect(instance.log()).toMatch(/released .*finishes-on-sigterm/);
      expect(await digestsOf('finishes-on-sigterm')).toHaveLength(1);
      expect(await fixture.probe.jobs('job:')).toEqual([]);
    },
    FINISHES_TIMEOUT_MS,
  );

  it(
    'releases a job still running at SHUTDOWN_TIMEOUT_MS without recording it done, and the next instance runs it once',
    async () => {
      const hold = fixture.instances.holdFile();
      const stopping = await fixture.instances.start({
        name: 'stopping',
        env: { FIXTURE_HOLD_FILE: hold.path, SHUTDOWN_TIMEOUT_MS: '1000', JOBS_STALE_LOCK_MS: '1000' },
      });
      await digestHeldBy(stopping, 'outlives-the-shutdown');

      const exit = await stopping.terminate();
      // Not done (no effect committed) and not gone: the job waits in the queue for the next instance.
      expect(exit.signal).toBeNull();
      expect(await digestsOf('outlives-the-shutdown')).toEqual([]);
      expect((await fixture.probe.jobs('job:')).map((job) => job.task)).toEqual(['job:fixture.note-digest']);

      const next = await fixture.instances.start({ name: 'next', env: { JOBS_STALE_LOCK_MS: '1000' } });
      await waitUntil('the next instance to run the note-digest job, leaving no job in the queue', async () => {
        next.assertRunning('while the test waited for the job');
        const [jobs, digests] = await Promise.all([fixture.probe.jobs('job:'), digestsOf('outlives-the-shutdown')]);
        return jobs.length === 0 && digests.length > 0
          ? { done: true, value: undefined }
          : { done: false, seen: `${digests.length} digests, queue: ${describeJobs(jobs)}\n${next.logTail()}` };
      });

      expect(await digestsOf('outlives-the-shutdown')).toHaveLength(1);
    },
    RELEASED_TIMEOUT_MS,
  );
});
