import { Controller, Get, Module, Post, Redirect } from '@nestjs/common';
import { Page, PageContext, type RenderContext, renderPage } from '../surface';

/** The path of the stand-in for a page of another component. */
const STAND_IN_PAGE = '/elsewhere';

@Controller()
class StandInPagesController {
  /** Where accounts sends browsers after signing in and out. */
  @Get('/')
  @Page()
  home(@PageContext() context: RenderContext): string {
    return renderPage(<p>A stand-in for the home page.</p>, { title: 'Home', context });
  }

  @Get(STAND_IN_PAGE)
  @Page()
  elsewhere(@PageContext() context: RenderContext): string {
    return renderPage(<p>A stand-in for a page of another component.</p>, { title: 'Elsewhere', context });
  }

  /** A form target of another component (behind the CSRF guard, as every POST). */
  @Post(STAND_IN_PAGE)
  @Redirect(STAND_IN_PAGE, 303)
  submit(): void {}
}

/**
 * For component tests (startComponentTestServer), as the fixture component
 * (src/testing/fixture-component/) is for platform tests: plain pages with
 * the layout at `/` and `/elsewhere` (which also takes a form post), standing
 * in for the home page (component system) and a page of another component,
 * which a component test does not start. For tests of what a component does
 * on pages not its own (the accounts' header, its redirects home), without
 * depending on those components.
 */
@Module({ controllers: [StandInPagesController] })
export class StandInPagesModule {}
