import { DynamicModule, Module } from '@nestjs/common';
import type { ComposableComponent } from './composable-component';
import { CHECKED_COMPONENTS, ComponentRoutesCheck } from './component-routes.check';

/** Runs ComponentRoutesCheck for the components an app composed (ComponentComposition.modulesFor). */
@Module({})
export class ComponentRoutesCheckModule {
  static for(components: readonly ComposableComponent[]): DynamicModule {
    return {
      module: ComponentRoutesCheckModule,
      providers: [{ provide: CHECKED_COMPONENTS, useValue: components }, ComponentRoutesCheck],
    };
  }
}
