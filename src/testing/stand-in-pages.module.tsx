import { Controller, Get, Header, Module, Post, Redirect } from '@nestjs/common';
import { PageContext } from '../ssr/page-context';
import type { RenderContext } from '../ssr/render-context';
import { renderPage } from '../ssr/render-page';

/** The path of the stand-in for a page of another component. */
const STAND_IN_PAGE = '/elsewhere';

@Controller()
class StandInPagesController {
  /** Where accounts sends browsers after signing in and out. */
  @Get('/')
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(@PageContext() context: RenderContext): string {
    return renderPage(<p>A stand-in for the home page.</p>, { title: 'Home', context });
  }

  @Get(STAND_IN_PAGE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  elsewhere(@PageContext() context: RenderContext): string {
    return renderPage(<p>A stand-in for a page of another component.</p>, { title: 'Elsewhere', context });
  }

  /** A form target of another component (behind the CSRF guard, as every POST). */
  @Post(STAND_IN_PAGE)
  @Redirect(STAND_IN_PAGE, 303)
  submit(): void {}
}

/**
 * For component tests (startComponentTestServer): plain pages with the
 * layout at `/` and `/elsewhere` (which also takes a form post), standing in for the home page (component
 * system) and a page of another component, which a component test does not
 * start. For tests of what a component does on pages not its own (the
 * accounts' header, its redirects home), without depending on those components.
 */
@Module({ controllers: [StandInPagesController] })
export class StandInPagesModule {}
