// The fixture's events, job and meta: what a component declares, for the platform's own event and job tests.
import { defineComponent, defineEvent, defineJob } from '../../surface';

/** Published (inside the insert's transaction) whenever a note is added. */
export const NoteAdded = defineEvent<{ noteId: string; title: string }>({ component: 'fixture', name: 'note-added', version: 1 });

/** Enqueued by a test; its handler records the note id. */
export const NoteDigest = defineJob<{ noteId: string }>({ component: 'fixture', name: 'note-digest', maxAttempts: 3 });

/** The fixture's meta, as a component.meta.ts would declare it (the fixture is composed by startFixtureServer, never discovered). */
export const FIXTURE_META = defineComponent({
  id: 'fixture',
  title: 'Fixture notes',
  routes: [{ path: '/fixture/notes', isPrimary: true }, { path: '/fixture/notes/:id' }, { path: '/fixture/notes/:id/delete' }],
  events: { publishes: ['note-added'] },
  schedules: [{ name: 'tidy-notes', cron: '*/5 * * * *', description: 'Records that it ran (the platform tests run it)' }],
});
