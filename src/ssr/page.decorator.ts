import { Header } from '@nestjs/common';

/**
 * On a handler that answers a page: the response is an HTML document in UTF-8.
 *
 *     @Get('/notes') @Page() list(@PageContext() context: RenderContext): string { return renderPage(…); }
 */
export const Page = (): MethodDecorator => Header('Content-Type', 'text/html; charset=utf-8');
