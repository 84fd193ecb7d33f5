import type { DMMF } from '@prisma/client/runtime/library';
import type { EntityAttribute } from './mermaid-er-syntax';

/** Enum values listed in a field's comment; longer enums end with "…". */
const MAX_ENUM_VALUES = 8;

/**
 * The fields a diagram shows for a model: its key fields (primary key,
 * foreign keys, unique fields and compound uniques) and the fields typed by
 * an enum, whose values go into the comment. Other scalar fields and the
 * relation fields themselves are left out: the relations are drawn as lines.
 * Declaration order, as in the schema. Pure.
 */
export function keyAttributes(model: DMMF.Model, enums: ReadonlyMap<string, readonly string[]>): EntityAttribute[] {
  const primary = new Set([...(model.primaryKey?.fields ?? []), ...model.fields.filter((f) => f.isId).map((f) => f.name)]);
  const foreign = new Set(model.fields.flatMap((f) => (f.kind === 'object' ? (f.relationFromFields ?? []) : [])));
  const uniqueWith = new Map<string, string[]>();
  for (const group of model.uniqueFields) {
    for (const name of group) uniqueWith.set(name, [...(uniqueWith.get(name) ?? []), ...group.filter((other) => other !== name)]);
  }

  const attributes: EntityAttribute[] = [];
  for (const field of model.fields) {
    if (field.kind === 'object') continue;
    const keys: Array<'PK' | 'FK' | 'UK'> = [];
    if (primary.has(field.name)) keys.push('PK');
    if (foreign.has(field.name)) keys.push('FK');
    if (field.isUnique || uniqueWith.has(field.name)) keys.push('UK');
    if (keys.length === 0 && field.kind !== 'enum') continue;

    const comments: string[] = [];
    if (primary.size > 1 && primary.has(field.name))
      comments.push(`primary key with ${[...primary].filter((n) => n !== field.name).join(', ')}`);
    const partners = uniqueWith.get(field.name) ?? [];
    if (partners.length > 0) comments.push(`unique with ${partners.join(', ')}`);
    if (!field.isRequired) comments.push('optional');
    if (field.kind === 'enum') comments.push(enumValues(enums.get(field.type) ?? []));
    attributes.push({ type: attributeType(field), name: field.name, keys, comments });
  }
  return attributes;
}

function attributeType(field: DMMF.Field): string {
  const base = field.kind === 'unsupported' ? 'Unsupported' : field.type;
  return field.isList ? `${base}[]` : base;
}

function enumValues(values: readonly string[]): string {
  const shown = values.slice(0, MAX_ENUM_VALUES).join(' | ');
  return values.length > MAX_ENUM_VALUES ? `${shown} | …` : shown;
}
