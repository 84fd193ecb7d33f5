import { Injectable } from '@nestjs/common';
import { EventPublisher, PrismaService } from '../../surface';
import type { WorkerSchemaFixtureSql } from '../worker-schema-fixture';
import { NoteAdded } from './fixture-events';
import type { NewNote, NoteStatus } from './fixture-note-form';

/**
 * The fixture's table, created in the Jest worker's schema by the test
 * (startFixtureServer), never by a migration: no component owns it, so
 * platform tests keep passing whichever components exist.
 */
export const FIXTURE_NOTES_SQL: WorkerSchemaFixtureSql = {
  create: `CREATE TABLE fixture_note (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    content text,
    status text NOT NULL,
    author text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  );
  CREATE TABLE fixture_effect (id bigserial PRIMARY KEY, handler text NOT NULL, ref text NOT NULL, attempt int NOT NULL)`,
  drop: 'DROP TABLE IF EXISTS fixture_note; DROP TABLE IF EXISTS fixture_effect',
};

export interface FixtureNote extends NewNote {
  id: string;
  createdAt: Date;
}

export const NOTE_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NoteRow {
  id: string;
  title: string;
  content: string | null;
  status: NoteStatus;
  author: string;
  created_at: Date;
}

const toNote = (row: NoteRow): FixtureNote => ({
  id: row.id,
  title: row.title,
  content: row.content,
  status: row.status,
  author: row.author,
  createdAt: row.created_at,
});

/** Notes in the fixture table, through the app's own PrismaService (raw SQL: the table is no Prisma model). */
@Injectable()
export class FixtureNotesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: EventPublisher,
  ) {}

  /** The newest first; a page past the end is the last page. */
  async list(requestedPage: number): Promise<{ notes: FixtureNote[]; page: number; totalPages: number }> {
    const total = await this.count();
    const totalPages = Math.max(1, Math.ceil(total / NOTE_PAGE_SIZE));
    const page = Math.min(requestedPage, totalPages);
    const rows = await this.prisma.$queryRaw<NoteRow[]>`
      SELECT * FROM fixture_note ORDER BY created_at DESC, id LIMIT ${NOTE_PAGE_SIZE} OFFSET ${(page - 1) * NOTE_PAGE_SIZE}`;
    return { notes: rows.map(toNote), page, totalPages };
  }

  async count(): Promise<number> {
    const [{ count }] = await this.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM fixture_note`;
    return count;
  }

  /** The newest note, or null. */
  async newest(): Promise<FixtureNote | null> {
    const rows = await this.prisma.$queryRaw<NoteRow[]>`SELECT * FROM fixture_note ORDER BY created_at DESC, id LIMIT 1`;
    return rows.length === 0 ? null : toNote(rows[0]);
  }

  /** Stores the note and publishes fixture/note-added in the same transaction. */
  async create(note: NewNote, createdAt?: Date): Promise<FixtureNote> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<NoteRow[]>`
        INSERT INTO fixture_note (title, content, status, author, created_at)
        VALUES (${note.title}, ${note.content}, ${note.status}, ${note.author}, ${createdAt ?? new Date()})
        RETURNING *`;
      await this.events.publish(tx, NoteAdded, { noteId: rows[0].id, title: rows[0].title });
      return toNote(rows[0]);
    });
  }

  /** As create, then fails inside the transaction: neither the note nor its event is stored. */
  async createThenFail(note: NewNote, failure: string): Promise<never> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<NoteRow[]>`
        INSERT INTO fixture_note (title, content, status, author) VALUES (${note.title}, ${note.content}, ${note.status}, ${note.author})
        RETURNING *`;
      await this.events.publish(tx, NoteAdded, { noteId: rows[0].id, title: rows[0].title });
      throw new Error(failure);
    });
  }

  /** Null for an unknown id, and for anything that is not a UUID (never a database error). */
  async get(id: string): Promise<FixtureNote | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.prisma.$queryRaw<NoteRow[]>`SELECT * FROM fixture_note WHERE id = ${id}::uuid`;
    return rows.length === 0 ? null : toNote(rows[0]);
  }

  /** Whether a note was deleted; malformed ids delete nothing. */
  async delete(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return (await this.prisma.$executeRaw`DELETE FROM fixture_note WHERE id = ${id}::uuid`) > 0;
  }

  async clear(): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM fixture_note`;
  }
}
