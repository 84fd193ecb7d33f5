import type { Type } from '@nestjs/common';
import type { ComponentMeta } from '../../platform/component-meta';

/** A component as the platform composes it: its metadata and its Nest module class. */
export interface ComposableComponent {
  meta: ComponentMeta;
  module: Type;
}
