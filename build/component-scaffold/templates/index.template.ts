import type { ComponentNames } from '../component-names';

/** index.ts: the component's public surface, empty until it offers something. */
export function indexTemplate(n: ComponentNames): string {
  return `// The ${n.id} component's public surface: the only file of it other
// components may import, after declaring dependsOn: ['${n.id}'] in their
// component.meta.ts (.dependency-cruiser.cjs enforces both). It offers nothing
// yet. To offer a provider (a query service, a guard): add it to \`exports\` in
// component.module.ts and re-export its class here, so a dependent can inject
// it; the platform imports this component's module into every dependent's.
// A component that offers nothing may delete this file.
export {};
`;
}
