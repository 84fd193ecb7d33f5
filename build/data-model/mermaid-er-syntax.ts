import type { ModelRelation } from './model-relations';

/** One line inside an entity block: `type name KEYS "comment"`. */
export interface EntityAttribute {
  type: string;
  name: string;
  keys: ReadonlyArray<'PK' | 'FK' | 'UK'>;
  comments: readonly string[];
}

/**
 * Mermaid `erDiagram` text, within what its grammar accepts (checked against
 * mermaid 11's parser):
 * - entity names are quoted: unquoted, words such as `One`, `Many`, `To`, `U`,
 *   `Class` or `Style` are keywords of its case-insensitive lexer;
 * - attribute types and names are single words of letters, digits, `_`, `-`,
 *   `[]` and `()`; `PK`, `FK` and `UK` alone are keys in any case, so a field
 *   called that gets a trailing `_` and a comment with its real name;
 * - keys are `PK`, `FK`, `UK`, comma-separated; comments and relationship
 *   labels are double-quoted and may not contain `"`.
 */
export function entityBlock(name: string, attributes: readonly EntityAttribute[]): string[] {
  if (attributes.length === 0) return [`  ${quoted(name)} {`, '  }'];
  return [`  ${quoted(name)} {`, ...attributes.map(attributeLine), '  }'];
}

export function relationshipLine(relation: ModelRelation): string {
  const { left, right, leftCardinality, rightCardinality, onDelete } = relation;
  const label = `${left.field} / ${right.field}${onDelete ? ` (on delete ${onDelete})` : ''}`;
  return `  ${quoted(left.model)} ${leftCardinality}--${rightCardinality} ${quoted(right.model)} : ${quoted(label)}`;
}

function attributeLine({ type, name, keys, comments }: EntityAttribute): string {
  const isKeyword = /^(pk|fk|uk)$/i.test(name);
  const allComments = isKeyword ? [`field ${name}`, ...comments] : comments;
  const parts = [type, isKeyword ? `${name}_` : name];
  if (keys.length > 0) parts.push(keys.join(', '));
  if (allComments.length > 0) parts.push(quoted(allComments.join('; ')));
  return `    ${parts.join(' ')}`;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, "'")}"`;
}
