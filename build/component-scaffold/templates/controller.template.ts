import type { ComponentNames } from '../component-names';

/** component.controller.tsx: fetches through the service, renders pure pages. */
export function controllerTemplate(n: ComponentNames): string {
  return `import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Page, PageContext, type RenderContext, renderPage, setFlash } from '../../surface';
import { ${n.serviceClass} } from './component.service';
import { EMPTY_ITEM_FORM, ItemForm, parseItemForm } from './item-form';
import { toListItem } from './item-view';
import { ${n.pageComponent} } from './ui/${n.pageComponent}';

const LIST_PATH = '${n.path}';
const TITLE = '${n.title}';

@Controller('${n.id}')
export class ${n.controllerClass} {
  constructor(private readonly items: ${n.serviceClass}) {}

  @Get()
  @Page()
  list(@PageContext() context: RenderContext): Promise<string> {
    return this.renderList({ values: EMPTY_ITEM_FORM, errors: {} }, context);
  }

  /**
   * Valid: saved, then 303 to the list, which says so once (post/redirect/get:
   * a reload does not add it twice). Invalid: the page again, status 400, the
   * input kept, a summary on top and each message by its field.
   */
  @Post()
  async create(@Body() body: Record<string, unknown>, @PageContext() context: RenderContext, @Res() res: Response): Promise<void> {
    const form = parseItemForm(body);
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(await this.renderList(form, context, true));
      return;
    }
    const item = await this.items.addItem(form.item);
    setFlash(res, \`Added “\${item.name}”.\`);
    res.redirect(303, LIST_PATH);
  }

  private async renderList(form: ItemForm, context: RenderContext, invalid = false): Promise<string> {
    const items = await this.items.listItems();
    return renderPage(<${n.pageComponent} items={items.map(toListItem)} form={form} />, { title: TITLE, context, invalid });
  }
}
`;
}

/** component.controller.tsx of a component without data. */
export function pageControllerTemplate(n: ComponentNames): string {
  return `import { Controller, Get } from '@nestjs/common';
import { Page, PageContext, type RenderContext, renderPage } from '../../surface';
import { ${n.serviceClass} } from './component.service';
import { ${n.pageComponent} } from './ui/${n.pageComponent}';

@Controller('${n.id}')
export class ${n.controllerClass} {
  constructor(private readonly content: ${n.serviceClass}) {}

  @Get()
  @Page()
  show(@PageContext() context: RenderContext): string {
    return renderPage(<${n.pageComponent} title="${n.title}" {...this.content.overview()} />, { title: '${n.title}', context });
  }
}
`;
}
