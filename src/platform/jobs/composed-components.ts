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

const COMPONENTS = Symbol('COMPOSED_COMPONENTS');
const REGISTERED = Symbol('COMPOSED_COMPONENTS_REGISTERED');

/** Registers components with the ComponentDirectory (when JobsModule is present: composition tests may run without it). */
@Module({})
export class ComposedComponentsModule {
  static for(components: readonly JobsComponent[]): DynamicModule {
    return {
      module: ComposedComponentsModule,
      providers: [
        // A value provider, so that two of these modules (the app's, a test's fixture) differ under Nest's deep-hash module ids too.
        { provide: COMPONENTS, useValue: components },
        {
          provide: REGISTERED,
          useFactory: (listed: readonly JobsComponent[], directory?: ComponentDirectory) => directory?.add(listed) ?? true,
          inject: [COMPONENTS, { token: ComponentDirectory, optional: true }],
        },
      ],
    };
  }
}
