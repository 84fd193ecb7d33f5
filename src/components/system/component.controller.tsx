import { Controller, Get } from '@nestjs/common';
import { componentRegistry, Page, PageContext, type RenderContext, renderPage } from '../../surface';
import { homeEntries } from './home-entries';
import { HomePage } from './ui/HomePage';

@Controller()
export class SystemComponentController {
  @Get('/')
  @Page()
  home(@PageContext() context: RenderContext): string {
    return renderPage(<HomePage entries={homeEntries(componentRegistry)} />, { title: 'Home', context });
  }
}
