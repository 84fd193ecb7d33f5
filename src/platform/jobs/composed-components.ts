import { DynamicModule, Injectable, Module, Type } from '@nestjs/common';
import type { ComponentMeta } from '../component-meta';

/** A component as the job engine sees it: its meta and its Nest module (whose providers are its listeners and handlers). */
export interface JobsComponent {
  meta: ComponentMeta;
  module: Type;
}

/**
 * The components this app composed, gathered from every
 * ComposedComponentsModule.for(...) the app imports (ComponentComposition
 * adds one; the platform tests' fixture adds its own). Read by the
 * registry when the app initialises.
 */
@Injectable()
export class ComponentDirectory {
  private readonly byId = new Map<string, JobsComponent>();

  add(components: readonly JobsComponent[]): void {
    for (const component of components) this.byId.set(component.meta.id, component);
  }

  get components(): JobsComponent[] {
    return [...this.byId.values()];
  }
}

const REGISTERED = Symbol('COMPOSED_COMPONENTS_REGISTERED');

/** Registers components with the ComponentDirectory (when JobsModule is present: composition tests may run without it). */
@Module({})
export class ComposedComponentsModule {
  static for(components: readonly JobsComponent[]): DynamicModule {
    return {
      module: ComposedComponentsModule,
      providers: [
        {
          provide: REGISTERED,
          useFactory: (directory?: ComponentDirectory) => directory?.add(components) ?? true,
          inject: [{ token: ComponentDirectory, optional: true }],
        },
      ],
    };
  }
}
