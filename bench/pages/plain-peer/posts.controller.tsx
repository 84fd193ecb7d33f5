import { Controller, DefaultValuePipe, Get, Header, ParseIntPipe, Query } from '@nestjs/common';
import { renderToString } from 'react-dom/server';
import { ReferencePage } from '../reference-page';
import { PostsService } from './posts.service';

@Controller('demo')
export class PostsController {
  constructor(private readonly postsService: PostsService) {}

  @Get('posts')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number,
    @Query('size', new DefaultValuePipe(20), ParseIntPipe) size: number,
  ): Promise<string> {
    const { posts, page: shown, totalPages } = await this.postsService.findPage(Math.max(1, page), Math.min(Math.max(1, size), 100));
    const cards = posts.map((post) => ({
      id: post.id,
      title: post.title,
      content: post.content,
      status: post.status,
      authorName: post.author.displayName,
      dateIso: post.createdAt.toISOString(),
      dateText: post.createdAt.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    }));
    return `<!DOCTYPE html>${renderToString(<ReferencePage posts={cards} page={shown} totalPages={totalPages} size={size} />)}`;
  }
}
