// Pure: every name a scaffolded component uses, derived from its id, so the
// templates never compute a name twice (or differently).
import { pascalCaseId } from '../database-schema/check-component-schemas';

export interface ComponentNames {
  /** `reading-list` */
  id: string;
  /** `ReadingList`: the prefix of its models, and of its classes. */
  pascal: string;
  /** `Reading list`: the title, the navigation label, the page heading. */
  title: string;
  /** `/reading-list` */
  path: string;
  /** `ReadingListItem`: the one model, and the component's own type of it. */
  model: string;
  /** `readingListItem`: the model's delegate on the Prisma Client. */
  delegate: string;
  /** `ReadingListComponentModule`, `…Controller`, `…Service`. */
  moduleClass: string;
  controllerClass: string;
  serviceClass: string;
  /** `ReadingListListPage` (or `ReadingListPage` without a schema): the page component. */
  pageComponent: string;
  /** `add_reading_list`: the name of the migration that creates its table. */
  migrationName: string;
}

export function componentNames(id: string, { schema }: { schema: boolean }): ComponentNames {
  const pascal = pascalCaseId(id);
  const words = id.split('-');
  const title = [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
  const model = `${pascal}Item`;
  return {
    id,
    pascal,
    title,
    path: `/${id}`,
    model,
    delegate: model.charAt(0).toLowerCase() + model.slice(1),
    moduleClass: `${pascal}ComponentModule`,
    controllerClass: `${pascal}ComponentController`,
    serviceClass: `${pascal}ComponentService`,
    pageComponent: schema ? `${pascal}ListPage` : `${pascal}Page`,
    migrationName: `add_${id.replace(/-/g, '_')}`,
  };
}
