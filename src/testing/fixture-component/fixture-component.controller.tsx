import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, Page, PageContext, type RenderContext, renderPage, setFlash } from '../../surface';
import { EMPTY_NOTE_FORM, parseNoteForm, type NoteFormErrors, type NoteFormValues } from './fixture-note-form';
import { holdRequestIfAsked } from './fixture-hold';
import { FixtureNotesService } from './fixture-notes.service';
import { DeleteNotePage, FIXTURE_NAVIGATION, NotePage, NoteListPage, NOTES_PATH } from './fixture-pages';

const NOT_FOUND = 'This note does not exist, or it has been deleted already. Go back to the list of notes.';

/**
 * A component's usual routes, served through the platform as a real
 * component's are (pages, CSRF-protected forms, flash, domain errors), for
 * the platform's own tests: a list with a form, a details page, a delete
 * confirmation and the delete itself. No sign-in: the platform needs none.
 */
@Controller('fixture/notes')
export class FixtureComponentController {
  constructor(private readonly notes: FixtureNotesService) {}

  @Get()
  @Page()
  list(@Query('page') page: unknown, @PageContext() context: RenderContext): Promise<string> {
    return this.renderList(parsePage(page), { values: EMPTY_NOTE_FORM, errors: {} }, context);
  }

  /** Valid: stored, then 303 to the list, which says so once. Invalid: the list again, 400, input kept, the messages shown. */
  @Post()
  async create(@Body() body: Record<string, unknown>, @PageContext() context: RenderContext, @Res() res: Response): Promise<void> {
    const form = parseNoteForm(body);
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(await this.renderList(1, form, context, true));
      return;
    }
    const note = await this.notes.create(form.note);
    setFlash(res, `Note “${note.title}” added.`);
    res.redirect(303, NOTES_PATH);
  }

  @Get(':id')
  @Page()
  async show(@Param('id') id: string, @PageContext() context: RenderContext): Promise<string> {
    const note = await this.notes.get(id);
    if (!note) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return renderPage(<NotePage note={note} />, { title: note.title, context, navigation: FIXTURE_NAVIGATION });
  }

  @Get(':id/delete')
  @Page()
  async confirmDelete(@Param('id') id: string, @PageContext() context: RenderContext): Promise<string> {
    const note = await this.notes.get(id);
    if (!note) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return renderPage(<DeleteNotePage note={note} />, { title: `Delete “${note.title}”?`, context, navigation: FIXTURE_NAVIGATION });
  }

  /** Unknown or malformed ids change nothing and land on the list as well, saying so. */
  @Post(':id/delete')
  async delete(@Param('id') id: string, @Res() res: Response): Promise<void> {
    setFlash(res, (await this.notes.delete(id)) ? 'Note deleted.' : 'That note had already been deleted.');
    res.redirect(303, NOTES_PATH);
  }

  private async renderList(
    requestedPage: number,
    form: { values: NoteFormValues; errors: NoteFormErrors },
    context: RenderContext,
    invalid = false,
  ): Promise<string> {
    const { notes, page, totalPages } = await this.notes.list(requestedPage);
    return renderPage(<NoteListPage notes={notes} page={page} totalPages={totalPages} form={form} />, {
      title: 'Notes',
      context,
      invalid,
      navigation: FIXTURE_NAVIGATION,
    });
  }
}

/** `?page=` as the pager writes it, decimal digits; anything else is page 1, a number past the end the last page. */
function parsePage(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return 1;
  return Math.max(1, Math.min(Number(raw), Number.MAX_SAFE_INTEGER));
}

/** A request that takes as long as a test wants (FIXTURE_HOLD_FILE, fixture-hold.ts): for what happens while one is served. */
@Controller('fixture/held')
export class FixtureHeldController {
  @Get()
  async held(): Promise<string> {
    await holdRequestIfAsked('GET /fixture/held');
    return 'released';
  }
}
