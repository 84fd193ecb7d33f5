// Pure: the files of a new component, as a value (path inside the component
// folder -> content). Written in one place, write-component.ts.
import type { ComponentNames } from './component-names';
import { controllerTemplate, pageControllerTemplate } from './templates/controller.template';
import { routesSpecTemplate, serviceSpecTemplate, simpleRoutesSpecTemplate } from './templates/database-spec.template';
import { formSpecTemplate, formTemplate } from './templates/form.template';
import { indexTemplate } from './templates/index.template';
import { metaTemplate } from './templates/meta.template';
import { moduleTemplate } from './templates/module.template';
import { pageSpecTemplate, simplePageSpecTemplate } from './templates/page-spec.template';
import { pageTemplate, simplePageTemplate } from './templates/page.template';
import { schemaTemplate } from './templates/schema.template';
import { seedTemplate } from './templates/seed.template';
import { pageServiceTemplate, serviceTemplate } from './templates/service.template';
import { pageTypesTemplate, typesTemplate } from './templates/types.template';
import { viewTemplate } from './templates/view.template';

export interface RenderOptions {
  schema: boolean;
  navOrder: number;
  dependsOn: readonly string[];
}

export function renderComponent(n: ComponentNames, { schema, navOrder, dependsOn }: RenderOptions): Map<string, string> {
  const common: Array<[string, string]> = [
    ['component.meta.ts', metaTemplate(n, { navOrder, dependsOn, schema })],
    ['component.module.ts', moduleTemplate(n)],
    ['index.ts', indexTemplate(n)],
  ];
  if (!schema) {
    return new Map([
      ...common,
      ['component.types.ts', pageTypesTemplate(n)],
      ['component.service.ts', pageServiceTemplate(n)],
      ['component.controller.tsx', pageControllerTemplate(n)],
      [`ui/${n.pageComponent}.tsx`, simplePageTemplate(n)],
      [`ui/${n.pageComponent}.spec.tsx`, simplePageSpecTemplate(n)],
      [`test/${n.id}-routes.spec.ts`, simpleRoutesSpecTemplate(n)],
    ]);
  }
  return new Map([
    ...common,
    ['component.types.ts', typesTemplate(n)],
    ['component.service.ts', serviceTemplate(n)],
    ['component.controller.tsx', controllerTemplate(n)],
    ['item-form.ts', formTemplate(n)],
    ['item-form.spec.ts', formSpecTemplate()],
    ['item-view.ts', viewTemplate(n)],
    [`ui/${n.pageComponent}.tsx`, pageTemplate(n)],
    [`ui/${n.pageComponent}.spec.tsx`, pageSpecTemplate(n)],
    ['prisma/schema.prisma', schemaTemplate(n)],
    ['prisma/seed.ts', seedTemplate(n)],
    ['test/component.service.spec.ts', serviceSpecTemplate(n)],
    [`test/${n.id}-routes.spec.ts`, routesSpecTemplate(n)],
  ]);
}

/** Why each file is there: printed after the files are written. */
export const FILE_ROLES: Readonly<Record<string, string>> = {
  'component.meta.ts': 'title, route, navigation entry',
  'component.module.ts': 'the Nest module: controller and service',
  'index.ts': 'what other components may import (nothing yet)',
  'component.types.ts': 'the types the service takes and returns',
  'component.service.ts': 'the logic; data through prisma.forComponent()',
  'component.controller.tsx': 'the routes: fetch, then render a page',
  'item-form.ts': 'the form’s rules and limits (pure)',
  'item-form.spec.ts': 'unit test of the form rules',
  'item-view.ts': 'an item as the page shows it',
  'prisma/schema.prisma': 'the model',
  'prisma/seed.ts': 'example rows for a new database',
  'test/component.service.spec.ts': 'the service and seed against PostgreSQL',
};
