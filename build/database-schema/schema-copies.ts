// Pure: a component schema's copy in prisma/schema/, with the back-relations
// the build adds, and where each of its lines came from.
import type { BackRelation, SourceLine } from './check-component-schemas';

export interface SchemaCopy {
  content: string;
  /** Copy line n (1-based) came from `origins[n - 1]`; undefined for generated lines. */
  origins: (SourceLine | undefined)[];
}

function generatedHeader(sourcePath: string): string {
  return `// GENERATED from ${sourcePath} by build/database-schema-plugin.ts: edit that file, not this copy.`;
}

/** Back-relations go right after their model's opening line, so no other line of the model moves within it. */
export function buildSchemaCopy(sourcePath: string, source: string, backRelations: readonly BackRelation[]): SchemaCopy {
  const lines = [generatedHeader(sourcePath)];
  const origins: (SourceLine | undefined)[] = [undefined];
  const sourceLines = source.split('\n');
  const pending = [...backRelations];
  let awaitingBrace: BackRelation[] = [];
  sourceLines.forEach((text, index) => {
    const line = index + 1;
    lines.push(text);
    origins.push({ path: sourcePath, line });
    awaitingBrace.push(...pending.filter((relation) => relation.modelLine === line));
    if (awaitingBrace.length > 0 && text.includes('{')) {
      for (const relation of awaitingBrace) {
        lines.push(relation.text);
        origins.push(relation.origin);
      }
      awaitingBrace = [];
    }
  });
  return { content: lines.join('\n'), origins };
}
