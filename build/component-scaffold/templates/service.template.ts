import type { ComponentNames } from '../component-names';

/** component.service.ts: data through the component's scoped client. */
export function serviceTemplate(n: ComponentNames): string {
  return `import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { type ComponentClient, PrismaService } from '../../surface';
import { New${n.model}, ${n.model} } from './component.types';

/** The columns a caller gets: adding a column to the schema does not leak it into a page. */
const ITEM = { id: true, name: true, notes: true, createdAt: true } satisfies Prisma.${n.model}Select;

/** The ${n.id} items. Takes and returns the component's own types only. */
@Injectable()
export class ${n.serviceClass} {
  /** Only this component's models (and those of the components it depends on): another's tables are a compile error here. */
  private readonly db: ComponentClient<'${n.id}'>;

  constructor(prisma: PrismaService) {
    this.db = prisma.forComponent('${n.id}');
  }

  async addItem(input: New${n.model}): Promise<${n.model}> {
    return this.db.${n.delegate}.create({ data: { name: input.name, notes: input.notes }, select: ITEM });
  }

  /** The newest items first, at most \`limit\` of them (page through them as the demo does when lists grow). */
  async listItems(limit = 100): Promise<${n.model}[]> {
    return this.db.${n.delegate}.findMany({ select: ITEM, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  }
}
`;
}

/** component.service.ts of a component without data: the page's content, from one place. */
export function pageServiceTemplate(n: ComponentNames): string {
  return `import { Injectable } from '@nestjs/common';
import { ${n.pascal}Overview } from './component.types';

/**
 * What the ${n.id} page shows. No data yet: give the component a schema and
 * the scoped client (docs/guides/database.md) when it needs some.
 */
@Injectable()
export class ${n.serviceClass} {
  overview(): ${n.pascal}Overview {
    return {
      lead: 'This page belongs to the ${n.id} component, in src/components/${n.id}/.',
      nextSteps: [
        'Change this text in component.service.ts, and the page in ui/${n.pageComponent}.tsx.',
        'Add routes to component.controller.tsx and list them in component.meta.ts.',
        'Run npm test -- src/components/${n.id} after each change.',
      ],
    };
  }
}
`;
}
