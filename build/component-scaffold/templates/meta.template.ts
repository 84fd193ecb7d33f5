import type { ComponentNames } from '../component-names';

export interface MetaOptions {
  navOrder: number;
  dependsOn: readonly string[];
  schema: boolean;
}

/** component.meta.ts: data only (the build evaluates it in a sandbox). */
export function metaTemplate(n: ComponentNames, { navOrder, dependsOn, schema }: MetaOptions): string {
  const description = schema ? `A list of items: add one with the form, the newest come first.` : `A page of its own, ready for content.`;
  const depends = dependsOn.length > 0 ? `\n  dependsOn: [${dependsOn.map((id) => `'${id}'`).join(', ')}],` : '';
  return `import { defineComponent } from '../../surface';

export default defineComponent({
  id: '${n.id}',
  title: '${n.title}',
  description: '${description}',
  routes: [{ path: '${n.path}', isPrimary: true }],
  nav: { label: '${n.title}', order: ${navOrder} },${depends}
  // Events and schedules go here too (events: { publishes, listensTo }, schedules: [{ name, cron }]):
  // see docs/guides/events-and-jobs.md. The build draws them in docs/component-map.md.
});
`;
}
