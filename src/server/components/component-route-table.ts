import type { ComposableComponent } from './composable-component';
import { PLATFORM_COMPONENT } from '../../platform/observability/component-scope';

/**
 * Which component serves a route pattern (`/demo/posts/:id`), from the
 * components' `routes` (they list every path their controllers serve, which
 * ComponentRoutesCheck enforces at startup). Any other route is the platform's.
 */
export class ComponentRouteTable {
  private readonly owners = new Map<string, string>();

  constructor(components: readonly ComposableComponent[]) {
    for (const { meta } of components) for (const route of meta.routes) this.owners.set(route.path, meta.id);
  }

  componentOf(routePattern: string): string {
    return this.owners.get(routePattern) ?? PLATFORM_COMPONENT;
  }

  /** Every component id a label may carry, the platform first: bounded, known at startup. */
  get components(): string[] {
    return [PLATFORM_COMPONENT, ...new Set(this.owners.values())];
  }
}
