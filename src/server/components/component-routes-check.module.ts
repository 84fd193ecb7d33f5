import { DynamicModule, Module } from '@nestjs/common';
import type { ComposableComponent } from './composable-component';
import { ComponentRouteTable } from './component-route-table';
import { CHECKED_COMPONENTS, ComponentRoutesCheck } from './component-routes.check';

/**
 * Runs ComponentRoutesCheck for the components an app composed
 * (ComponentComposition.modulesFor), and offers their route table to the
 * platform (request logs, metrics and spans name the serving component).
 */
@Module({})
export class ComponentRoutesCheckModule {
  static for(components: readonly ComposableComponent[]): DynamicModule {
    return {
      module: ComponentRoutesCheckModule,
      global: true,
      providers: [
        { provide: CHECKED_COMPONENTS, useValue: components },
        ComponentRoutesCheck,
        { provide: ComponentRouteTable, useValue: new ComponentRouteTable(components) },
      ],
      exports: [ComponentRouteTable],
    };
  }
}
