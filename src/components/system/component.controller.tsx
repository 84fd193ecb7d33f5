import { Controller, Get, Header } from '@nestjs/common';
import { componentRegistry } from '../../generated/component-registry';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';
import { homeEntries } from './home-entries';
import { HomePage } from './ui/HomePage';

@Controller()
export class SystemComponentController {
  @Get('/')
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(@PageContext() context: RenderContext): string {
    return renderPage(<HomePage entries={homeEntries(componentRegistry)} />, { title: 'Home', context });
  }
}
