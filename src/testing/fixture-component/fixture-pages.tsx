import type { NavigationEntry } from '../../surface';
import {
  Button,
  ButtonLink,
  Card,
  ConfirmationPage,
  CsrfField,
  DetailsList,
  ErrorSummary,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
} from '../../surface';
import { NOTE_LIMITS, NOTE_STATUS_LABELS, NOTE_STATUSES, type NoteFormErrors, type NoteFormValues } from './fixture-note-form';
import type { FixtureNote } from './fixture-notes.service';

export const NOTES_PATH = '/fixture/notes';

/** The fixture's own navigation (renderPage's `navigation`), so no component's entries are needed. */
export const FIXTURE_NAVIGATION: NavigationEntry[] = [
  { componentId: 'fixture-home', label: 'Home', path: '/', order: 0 },
  { componentId: 'fixture', label: 'Notes', path: NOTES_PATH, order: 10 },
];

const STATUS_OPTIONS = NOTE_STATUSES.map((status) => ({ value: status, label: NOTE_STATUS_LABELS[status] }));

export interface NoteListPageProps {
  notes: FixtureNote[];
  page: number;
  totalPages: number;
  form: { values: NoteFormValues; errors: NoteFormErrors };
}

/** The list with its add form on top, a card per note and a pager: what a typical component page holds. */
export function NoteListPage({ notes, page, totalPages, form }: NoteListPageProps) {
  const { values, errors } = form;
  return (
    <div>
      <PageHeader title="Notes" lead="The platform tests' own pages: a form, a list, a confirmation." />
      <Card id="note-form" title="Add a note" as="section">
        <form method="post" action={NOTES_PATH}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <TextField name="title" label="Title" required maxLength={NOTE_LIMITS.title} defaultValue={values.title} error={errors.title} />
          <TextAreaField
            name="content"
            label="Content (optional)"
            maxLength={NOTE_LIMITS.content}
            defaultValue={values.content}
            error={errors.content}
          />
          <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={values.status} error={errors.status} />
          <TextField name="author" label="Your name" maxLength={NOTE_LIMITS.author} defaultValue={values.author} error={errors.author} />
          <Button>Add note</Button>
        </form>
      </Card>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Latest notes</h2>
        {notes.length === 0 ? <p>No notes yet.</p> : null}
        {notes.map((note) => (
          <Card
            key={note.id}
            id={`note-${note.id}`}
            title={note.title}
            headingLevel={3}
            meta={<span>by {note.author}</span>}
            actions={<ButtonLink href={`${NOTES_PATH}/${note.id}/delete`}>Delete</ButtonLink>}
          >
            {note.content ? <p>{note.content}</p> : null}
          </Card>
        ))}
      </section>
      {totalPages > 1 ? (
        <nav aria-label="Pages of notes">
          {page > 1 ? <a href={`${NOTES_PATH}?page=${page - 1}`}>Newer notes</a> : null}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages ? <a href={`${NOTES_PATH}?page=${page + 1}`}>Older notes</a> : null}
        </nav>
      ) : null}
    </div>
  );
}

/** One note's facts in a card: the kit's details list, as an account or order page shows one. */
export function NotePage({ note }: { note: FixtureNote }) {
  return (
    <div>
      <PageHeader title={note.title} />
      <Card id="note-details" title="Details" as="section">
        <DetailsList
          items={[
            { term: 'Author', details: note.author },
            { term: 'Status', details: NOTE_STATUS_LABELS[note.status] },
            { term: 'Content', details: note.content ?? '(none)' },
          ]}
        />
      </Card>
    </div>
  );
}

export function DeleteNotePage({ note }: { note: FixtureNote }) {
  return (
    <ConfirmationPage
      title={`Delete “${note.title}”?`}
      message={<p>The note is removed for good.</p>}
      action={`${NOTES_PATH}/${note.id}/delete`}
      confirmLabel="Delete note"
      cancelHref={NOTES_PATH}
    />
  );
}
