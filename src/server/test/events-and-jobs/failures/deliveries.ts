import type { FixtureAppInstance } from '../../../../testing/process/fixture-app-instance';
import { waitUntil } from '../../../../testing/process/wait-until';
import { CookieClient } from '../../../../testing/http/cookie-client';
import { describeJobs, type FixtureEffectRow, type QueueProbe } from './queue-probe';

/** The fixture's two listeners of fixture/note-added, by the handler name each records in fixture_effect. */
export const NOTE_ADDED_LISTENERS = ['fail-on-demand', 'record-note'];

/** What "delivered once to every listener" looks like in fixture_effect for these notes. */
export function deliveredOnce(noteIds: string[]): { handler: string; ref: string }[] {
  return noteIds.flatMap((ref) => NOTE_ADDED_LISTENERS.map((handler) => ({ handler, ref }))).sort(byHandlerAndRef);
}

export function byHandlerAndRef(a: { handler: string; ref: string }, b: { handler: string; ref: string }): number {
  return a.handler.localeCompare(b.handler) || a.ref.localeCompare(b.ref);
}

/** waitForDeliveries' bound by default. */
export const DELIVERIES_TIMEOUT_MS = 90_000;

/**
 * Waits until every listener of fixture/note-added has recorded each of
 * `noteIds` and the queue holds no event delivery any more (so nothing can
 * be delivered again later), while `instances` stay up; returns the effects
 * of those notes, sorted. A duplicate shows as a second row.
 */
export async function waitForDeliveries(
  probe: QueueProbe,
  noteIds: string[],
  instances: FixtureAppInstance[],
  timeoutMs = DELIVERIES_TIMEOUT_MS,
): Promise<{ handler: string; ref: string }[]> {
  const wanted = new Set(noteIds);
  return waitUntil(
    `every listener of fixture/note-added to record ${noteIds.length === 1 ? `note ${noteIds[0]}` : `${noteIds.length} notes`} and the queue to hold no delivery`,
    async () => {
      for (const instance of instances) instance.assertRunning('while the test waited for deliveries');
      const effects = (await probe.effects()).filter((effect) => NOTE_ADDED_LISTENERS.includes(effect.handler) && wanted.has(effect.ref));
      const [jobs, unrelayed] = await Promise.all([probe.jobs('event:'), probe.outboxTasks()]);
      const recorded = new Set(effects.map((effect) => `${effect.handler} ${effect.ref}`));
      const complete = [...wanted].every((ref) => NOTE_ADDED_LISTENERS.every((handler) => recorded.has(`${handler} ${ref}`)));
      if (complete && jobs.length === 0 && unrelayed.length === 0)
        return { done: true, value: effects.map(withoutAttempt).sort(byHandlerAndRef) };
      return {
        done: false,
        seen: `${effects.length} of ${wanted.size * NOTE_ADDED_LISTENERS.length} effects, queue: ${describeJobs(jobs)}, outbox: ${unrelayed.length} deliveries${instances
          .map((instance) => `\n--- ${instance.name} (${instance.logFile}):\n${instance.logTail(8)}`)
          .join('')}`,
      };
    },
    { timeoutMs, intervalMs: 200 },
  );
}

const withoutAttempt = ({ handler, ref }: FixtureEffectRow) => ({ handler, ref });

/** Adds a note through the instance's own form (POST /fixture/notes): the instance commits the note and its event. @returns the note's id */
export async function addNoteThrough(instance: FixtureAppInstance, probe: QueueProbe, title: string): Promise<string> {
  const browser = new CookieClient(instance.baseUrl);
  const form = await browser.get('/fixture/notes');
  const _csrf = CookieClient.csrfTokenIn(await form.text());
  const response = await browser.postForm('/fixture/notes', { _csrf, title, content: '', status: 'PUBLISHED', author: 'Failure tests' });
  if (response.status !== 303)
    throw new Error(`POST /fixture/notes on ${instance.name} answered ${response.status}:\n${await response.text()}`);
  const [note] = await probe.query<{ id: string }>('SELECT id::text AS id FROM fixture_note WHERE title = $1', [title]);
  if (!note) throw new Error(`POST /fixture/notes on ${instance.name} answered 303 but no note titled ${title} is stored`);
  return note.id;
}
