import { Header } from '@nestjs/common';
import { PAGE_CONTENT_TYPE } from './html-response';

/**
 * On a handler that answers a page: the response is an HTML document in UTF-8.
 *
 *     @Get('/notes') @Page() list(@PageContext() context: RenderContext): string { return renderPage(…); }
 */
export const Page = (): MethodDecorator => Header('Content-Type', PAGE_CONTENT_TYPE);
