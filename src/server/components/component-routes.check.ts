import { Inject, Injectable, OnModuleInit, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ComponentRoutesError } from '../../platform/errors/component-routes.error';
import type { ComposableComponent } from './composable-component';
import { routesServedBy, ServedRoute } from './served-routes';

/** The components the check compares: those this app composed. */
export const CHECKED_COMPONENTS = Symbol('CHECKED_COMPONENTS');

/**
 * Pure: where a component's `routes` and what its controllers serve disagree,
 * one line each, naming the meta file and the controller. `routes` lists
 * every path the controllers serve (pages and form targets, any method),
 * written as in Nest (`/demo/posts/:id/delete`), and nothing else.
 */
export function routeMismatches(component: ComposableComponent, controllers: readonly Type[], served: readonly ServedRoute[]): string[] {
  const { id } = component.meta;
  const metaFile = `src/components/${id}/component.meta.ts`;
  const listed = new Set(component.meta.routes.map((route) => route.path));
  const servedPaths = new Set(served.map((route) => route.path));
  const names = controllers.map((controller) => controller.name).join(', ');
  const unserved = [...listed]
    .filter((path) => !servedPaths.has(path))
    .map(
      (path) =>
        `${metaFile} lists the route ${path}, but no controller of component ${id} serves it (${names ? `controllers: ${names}` : 'its module has no controllers'}); serve it with a handler, or remove it from routes`,
    );
  const reported = new Set<string>();
  const unlisted = served
    .filter((route) => !listed.has(route.path) && !reported.has(route.path) && reported.add(route.path))
    .map(
      (route) =>
        `${route.handler} serves ${route.method} ${route.path}, which ${metaFile} does not list; add { path: '${route.path}' } to its routes (they list every path the component serves), or remove the handler`,
    );
  return [...unserved, ...unlisted];
}

/**
 * When the app starts (production, dev and tests alike): every composed
 * component's `routes` must match the paths its controllers serve. Reads the
 * controllers Nest registered for the component's module.
 */
@Injectable()
export class ComponentRoutesCheck implements OnModuleInit {
  constructor(
    private readonly modules: ModulesContainer,
    @Inject(CHECKED_COMPONENTS) private readonly components: readonly ComposableComponent[],
  ) {}

  onModuleInit(): void {
    const problems = this.components.flatMap((component) => {
      const controllers = this.controllersOf(component.module);
      return routeMismatches(component, controllers, controllers.flatMap(routesServedBy));
    });
    if (problems.length > 0) {
      throw new ComponentRoutesError(`component routes and controllers disagree:\n  ${problems.join('\n  ')}`);
    }
  }

  private controllersOf(module: Type): Type[] {
    return [...this.modules.values()]
      .filter((moduleRef) => moduleRef.metatype === module)
      .flatMap((moduleRef) => [...moduleRef.controllers.values()].map((wrapper) => wrapper.metatype as Type));
  }
}
