import { Controller, Get, Header } from '@nestjs/common';
import { componentRegistry } from '../../generated/component-registry';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';
import { HomePage } from './ui/HomePage';

@Controller()
export class SystemComponentController {
  @Get('/')
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(@PageContext() context: RenderContext): string {
    const components = componentRegistry.components
      .filter((component) => component.id !== 'system')
      .map(({ id, title, description, routes }) => ({ id, title, description, path: routes.find((route) => route.isPrimary)?.path }));
    return renderPage(<HomePage components={components} />, { title: 'Home', context });
  }
}
