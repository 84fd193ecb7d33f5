import type { DynamicModule, Type } from '@nestjs/common';
import type { ComponentMeta } from '../../platform/component-meta';
import { ComposedComponentsModule } from '../../platform/jobs/composed-components';
import { ComponentModuleMissingError } from '../../platform/errors/component-module-missing.error';
import { ComponentRoutesCheckModule } from './component-routes-check.module';
import { scopeComponentMiddleware } from './component-middleware';
import type { ComposableComponent } from './composable-component';
import { explainUnknownDependency } from './undeclared-dependency';

/**
 * Turns components into Nest modules: each component's module imports the
 * modules of its `dependsOn`, so it can inject what they export and nothing
 * else. AppModule composes every component; a component test only one and
 * what it depends on (src/testing/start-test-server.ts).
 *
 * Each component becomes exactly one dynamic-module object, reused wherever
 * it is imported: Nest then instantiates it once (its providers, its
 * middleware), however many components depend on it.
 */
export class ComponentComposition {
  private readonly dynamicModules = new Map<string, DynamicModule>();

  constructor(private readonly components: ReadonlyMap<string, ComposableComponent>) {}

  /** @param modules component id -> module class, as generated in src/generated/components.module.ts */
  static of(metas: readonly ComponentMeta[], modules: Readonly<Record<string, Type>>): ComponentComposition {
    return new ComponentComposition(
      new Map(
        metas.map((meta) => {
          const module = modules[meta.id];
          if (!module) {
            throw new ComponentModuleMissingError(
              `component ${meta.id} is in src/generated/component-registry.ts (from src/components/${meta.id}/component.meta.ts) but has no module class in src/generated/components.module.ts: the generated files are out of date; run npm run generate (and check that src/components/${meta.id}/component.module.ts exists and exports the module class)`,
            );
          }
          return [meta.id, { meta, module }];
        }),
      ),
    );
  }

  get ids(): string[] {
    return [...this.components.keys()];
  }

  /** `ids` and, transitively, every component they depend on; each after its dependencies. */
  closureOf(ids: readonly string[]): string[] {
    const closure: string[] = [];
    const visit = (id: string, from?: string): void => {
      if (closure.includes(id)) return;
      const component = this.components.get(id);
      if (!component) {
        const where = from ? ` (dependsOn of ${from})` : '';
        throw new Error(`there is no component "${id}"${where}; known components: ${this.ids.join(', ') || 'none'}`);
      }
      for (const dependency of component.meta.dependsOn ?? []) visit(dependency, id);
      closure.push(id);
    };
    for (const id of ids) visit(id);
    return closure;
  }

  /**
   * The modules to import for these components (default: all) and what they
   * depend on, plus the check that their `routes` match their controllers
   * and their registration with the job engine (listeners, jobs, schedules).
   */
  modulesFor(ids: readonly string[] = this.ids): DynamicModule[] {
    const closure = this.closureOf(ids);
    const composed = closure.map((id) => this.components.get(id)!);
    return [...closure.map((id) => this.moduleOf(id)), ComponentRoutesCheckModule.for(composed), ComposedComponentsModule.for(composed)];
  }

  /**
   * What to throw when a boot failed: Nest's "can't resolve dependencies"
   * turned into an UndeclaredComponentDependencyError when a component needs
   * a provider of a component it did not declare (or that does not export
   * it); any other error unchanged.
   */
  explainBootFailure(error: unknown): unknown {
    return explainUnknownDependency(error, [...this.components.values()]) ?? error;
  }

  private moduleOf(id: string): DynamicModule {
    let dynamicModule = this.dynamicModules.get(id);
    if (!dynamicModule) {
      const { meta, module } = this.components.get(id)!;
      scopeComponentMiddleware(module, id);
      dynamicModule = { module, imports: (meta.dependsOn ?? []).map((dependency) => this.moduleOf(dependency)) };
      this.dynamicModules.set(id, dynamicModule);
    }
    return dynamicModule;
  }
}
