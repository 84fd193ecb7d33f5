import type { ComponentNames } from '../component-names';

/** component.types.ts: what the service takes and returns; no Prisma type leaves the service. */
export function typesTemplate(n: ComponentNames): string {
  return `/** The ${n.id} component's own types: what its service takes and returns. */

export interface ${n.model} {
  id: string;
  name: string;
  notes: string | null;
  createdAt: Date;
}

export interface New${n.model} {
  name: string;
  notes: string | null;
}
`;
}

/** component.types.ts of a component without data. */
export function pageTypesTemplate(n: ComponentNames): string {
  return `/** The ${n.id} component's own types: what its service returns. */

export interface ${n.pascal}Overview {
  lead: string;
  nextSteps: string[];
}
`;
}
