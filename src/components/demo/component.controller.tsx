import { Body, Controller, Get, Param, Post, Query, Redirect, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, Page, PageContext, type RenderContext, renderPage, setFlash } from '../../surface';
import { CurrentUser, RequireUser, signInHref, type SignedInUser } from '../accounts';
import { DemoComponentService } from './component.service';
import { EMPTY_POST_FORM, parsePostForm, PostFormErrors, PostFormValues } from './post-form';
import { toPostCard } from './post-view';
import { DeletePostPage } from './ui/DeletePostPage';
import { PostListPage } from './ui/PostListPage';

/** The list's page sizes: the first is the default; `?size=` picks another. */
export const PAGE_SIZES = [20, 50] as const;
type PageSize = (typeof PAGE_SIZES)[number];
const LIST_PATH = '/demo/posts';
const NOT_YOUR_POST = 'Only the author of a post can delete it. You can delete the posts you wrote yourself.';

@Controller('demo')
export class DemoComponentController {
  constructor(private readonly posts: DemoComponentService) {}

  @Get()
  @Redirect(LIST_PATH, 302)
  root(): void {}

  @Get('posts')
  @Page()
  list(
    @Query('page') page: unknown,
    @Query('size') size: unknown,
    @CurrentUser({ optional: true }) viewer: SignedInUser | null,
    @PageContext() context: RenderContext,
  ): Promise<string> {
    const form = viewer ? { values: EMPTY_POST_FORM, errors: {} } : null;
    return this.renderList({ page: parsePage(page), size: parseSize(size) }, form, viewer, context);
  }

  /**
   * Signed in and valid: saved as the user's post, then 303 to the list,
   * which says so once. Invalid: the page again, status 400, input kept, a
   * summary on top and messages by the fields. Signed out: to sign-in (401 for API clients).
   */
  @Post('posts')
  @RequireUser()
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: SignedInUser,
    @PageContext() context: RenderContext,
    @Res() res: Response,
  ): Promise<void> {
    const form = parsePostForm(body);
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(await this.renderList({ page: 1, size: PAGE_SIZES[0] }, form, user, context, { invalid: true }));
      return;
    }
    const post = await this.posts.createPost(form.post, user.id);
    setFlash(res, `Post “${post.title}” added.`);
    res.redirect(303, LIST_PATH);
  }

  /** The confirmation step: deleting takes a second, deliberate click, with or without JavaScript. */
  @Get('posts/:id/delete')
  @RequireUser()
  @Page()
  async confirmRemove(@Param('id') id: string, @CurrentUser() user: SignedInUser, @PageContext() context: RenderContext): Promise<string> {
    const post = await this.posts.getPost(id, user.id);
    if (!post)
      throw new DomainError('NOT_FOUND', 'This post does not exist, or it has been deleted already. Go back to the list of posts.');
    if (post.authorId !== user.id) throw new DomainError('FORBIDDEN', NOT_YOUR_POST);
    return renderPage(<DeletePostPage id={post.id} title={post.title} />, { title: `Delete “${post.title}”?`, context });
  }

  /** Only the author deletes (403 for anyone else). Unknown or malformed ids change nothing and land on the list as well, saying so. */
  @Post('posts/:id/delete')
  @RequireUser()
  async remove(@Param('id') id: string, @CurrentUser() user: SignedInUser, @Res() res: Response): Promise<void> {
    const post = await this.posts.getPost(id, user.id);
    const outcome = post === null ? 'missing' : await this.posts.deletePost(id, user.id);
    if (outcome === 'not-author') throw new DomainError('FORBIDDEN', NOT_YOUR_POST);
    setFlash(res, outcome === 'deleted' ? `Post “${post!.title}” deleted.` : 'That post had already been deleted.');
    res.redirect(303, LIST_PATH);
  }

  private async renderList(
    requested: { page: number; size: PageSize },
    form: { values: PostFormValues; errors: PostFormErrors } | null,
    viewer: SignedInUser | null,
    context: RenderContext,
    { invalid = false } = {},
  ): Promise<string> {
    const { posts, page, totalPages, pageSize } = await this.posts.listPosts(requested.page, requested.size, viewer?.id ?? null);
    const paging = { page, totalPages, pageSize, pageSizes: PAGE_SIZES };
    const cards = posts.map((post) => toPostCard(post, viewer?.id ?? null));
    return renderPage(<PostListPage posts={cards} paging={paging} form={form} signInHref={signInHref(LIST_PATH)} />, {
      title: 'Posts',
      context,
      invalid,
    });
  }
}

/**
 * `?page=` as the pager writes it: decimal digits. Anything else (`-1`, `abc`,
 * `1e3`, a repeated `page`, which arrives as an array) shows page 1; a number
 * past the end, however long, the last page (the service clamps it).
 */
function parsePage(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return 1;
  return Math.max(1, Math.min(Number(raw), Number.MAX_SAFE_INTEGER));
}

/** `?size=` as the page links write it: one of PAGE_SIZES; anything else is the default. */
function parseSize(raw: unknown): PageSize {
  return PAGE_SIZES.find((size) => raw === String(size)) ?? PAGE_SIZES[0];
}
