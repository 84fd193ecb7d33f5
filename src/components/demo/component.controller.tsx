import { Body, Controller, Get, Header, Param, Post, Query, Redirect, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';
import { DemoComponentService } from './component.service';
import { EMPTY_POST_FORM, parsePostForm, PostFormErrors, PostFormValues } from './post-form';
import { toPostCard } from './post-view';
import { PostListPage } from './ui/PostListPage';

const PAGE_SIZE = 20;
const LIST_PATH = '/demo/posts';

@Controller('demo')
export class DemoComponentController {
  constructor(private readonly posts: DemoComponentService) {}

  @Get()
  @Redirect(LIST_PATH, 302)
  root(): void {}

  @Get('posts')
  @Header('Content-Type', 'text/html; charset=utf-8')
  list(@Query('page') page: string | undefined, @PageContext() context: RenderContext): Promise<string> {
    return this.renderList(parsePage(page), { values: EMPTY_POST_FORM, errors: {} }, context);
  }

  /** Valid: saved, then 303 to the list. Invalid: the page again, status 400, input kept, messages by the fields. */
  @Post('posts')
  async create(@Body() body: Record<string, unknown>, @PageContext() context: RenderContext, @Res() res: Response): Promise<void> {
    const form = parsePostForm(body);
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(await this.renderList(1, form, context));
      return;
    }
    await this.posts.createPost(form.post);
    res.redirect(303, LIST_PATH);
  }

  /** Unknown or malformed ids change nothing and land on the list as well. */
  @Post('posts/:id/delete')
  async remove(@Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.posts.deletePost(id);
    res.redirect(303, LIST_PATH);
  }

  private async renderList(
    requestedPage: number,
    form: { values: PostFormValues; errors: PostFormErrors },
    context: RenderContext,
  ): Promise<string> {
    const { posts, page, totalPages } = await this.posts.listPosts(requestedPage, PAGE_SIZE);
    return renderPage(<PostListPage posts={posts.map(toPostCard)} page={page} totalPages={totalPages} form={form} />, {
      title: 'Posts',
      context,
    });
  }
}

function parsePage(raw: string | undefined): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
