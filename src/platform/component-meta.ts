/**
 * What a component declares about itself in `src/components/<id>/component.meta.ts`.
 * Read at build time by build/component-discovery-plugin.ts; see
 * docs/guides/components.md.
 */
import type { PrismaPreviewFeature } from './prisma-preview-features';

/**
 * A component id: the folder name under `src/components/`, lower-case letters,
 * digits and dashes, starting with a letter. Checked by the build.
 */
export const COMPONENT_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * A path the component's controllers serve, written as in Nest
 * (`/blog/posts/:id/delete`). `routes` lists every path they serve, pages and
 * form targets alike, and nothing else: the app checks this when it starts
 * (src/server/components/component-routes.check.ts).
 */
export interface ComponentRoute {
  /** Absolute URL path served by the component's controller, e.g. `/blog`. */
  path: string;
  /** The route the navigation links to; at most one per component. */
  isPrimary?: boolean;
}

export interface ComponentNav {
  label: string;
  /** Lower comes first; ties are sorted by label. Default 100. */
  order?: number;
}

export interface ComponentMeta {
  /** Must equal the folder name. */
  id: string;
  title: string;
  description?: string;
  routes: ComponentRoute[];
  /** Present: the component gets an entry in the left navigation (needs a primary route). */
  nav?: ComponentNav;
  /**
   * Ids of the components this one builds on. Its Prisma models may relate to
   * theirs, its seed runs after theirs, and its scoped client sees their
   * models. Unknown ids and cycles are build errors. See docs/guides/database.md.
   */
  dependsOn?: string[];
  /**
   * Prisma preview features this component's schema or code needs, e.g.
   * `['fullTextSearchPostgres']`. The build enables the union of every
   * component's in the one generated client (so they apply to every
   * component); `views` is enabled on its own when a schema declares a
   * `view`. Names Prisma 6.19 does not know are build errors. See
   * docs/guides/database.md.
   */
  prismaPreviewFeatures?: PrismaPreviewFeature[];
  /**
   * `false`: this component's model, view and enum names are kept as they
   * are (a schema adopted from an existing database) and the build does not
   * warn that they lack the component's prefix. Names must still be unique
   * across components. Default `true`.
   */
  modelNamePrefix?: boolean;
  /**
   * Events between components. `publishes`: the names of the events this
   * component declares with `defineEvent`, e.g. `['account-deleted']`.
   * `listensTo`: the events of other components it has `@OnEvent` listeners
   * for, as `<component>/<event-name>`, e.g. `['accounts/account-deleted']`;
   * that component must publish the event and be in `dependsOn`. Names are
   * kebab-case. Checked by the build and drawn in docs/component-map.md; see
   * docs/guides/events-and-jobs.md.
   */
  events?: { publishes?: string[]; listensTo?: string[] };
  /**
   * Cron schedules, each run once per tick across all instances by the one
   * `@OnSchedule(name)` method of this component. `name`: kebab-case, unique in
   * the component; `cron`: five fields in UTC (minute hour day-of-month month
   * day-of-week), e.g. `'0 3 * * *'` for 03:00 every day; `description`: what
   * it does, shown in docs/component-map.md. See docs/guides/events-and-jobs.md.
   */
  schedules?: { name: string; cron: string; description?: string }[];
}

/** Identity function that type-checks a component's metadata. */
export function defineComponent(meta: ComponentMeta): ComponentMeta {
  return meta;
}

export interface NavigationEntry {
  componentId: string;
  label: string;
  path: string;
  order: number;
}

export interface ComponentRegistry {
  components: ComponentMeta[];
  navigation: NavigationEntry[];
}
