import type { ComponentNames } from '../component-names';

/** component.module.ts: wiring only. */
export function moduleTemplate(n: ComponentNames): string {
  return `import { Module } from '@nestjs/common';
import { ${n.controllerClass} } from './component.controller';
import { ${n.serviceClass} } from './component.service';

@Module({
  controllers: [${n.controllerClass}],
  providers: [${n.serviceClass}],
})
export class ${n.moduleClass} {}
`;
}
