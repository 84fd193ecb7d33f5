import type { DMMF } from '@prisma/client/runtime/library';

/** How many rows of one side an instance of the other side has, as Mermaid draws it next to that side. */
export type LeftCardinality = '||' | '|o' | '}o';
export type RightCardinality = '||' | 'o|' | 'o{';

export interface RelationEnd {
  model: string;
  /** The relation field on `model`. */
  field: string;
}

/**
 * One Prisma relation, oriented for an ER diagram: `left` is the referenced
 * side (the "one"), `right` the side holding the foreign key; for an implicit
 * many-to-many, where neither holds one, the two in name order.
 */
export interface ModelRelation {
  kind: 'one-to-one' | 'one-to-many' | 'many-to-many';
  left: RelationEnd;
  right: RelationEnd;
  /** Next to `left`: how many `left` rows one `right` row has. */
  leftCardinality: LeftCardinality;
  /** Next to `right`: how many `right` rows one `left` row has. */
  rightCardinality: RightCardinality;
  /** The fields of `left` that the foreign key of `right` points at; empty for a many-to-many. */
  references: readonly string[];
  /** `onDelete` when the schema sets it. */
  onDelete?: string;
}

interface FieldOf {
  model: DMMF.Model;
  field: DMMF.Field;
}

/**
 * Every relation of the datamodel, once each, sorted by left model, right
 * model and fields. Pure.
 *
 * Prisma declares a relation on both models (a self-relation: twice on the
 * same model) under one relation name, unique per pair of models; the side
 * with `fields: [...]` holds the foreign key. Its back side is a list (one to
 * many) or a single optional field (one to one); two lists without foreign
 * key fields are an implicit many-to-many through a join table.
 */
export function collectRelations(datamodel: DMMF.Datamodel): ModelRelation[] {
  const sides = new Map<string, FieldOf[]>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationName) continue;
      const key = [field.relationName, ...[model.name, field.type].sort()].join('\0');
      sides.set(key, [...(sides.get(key) ?? []), { model, field }]);
    }
  }
  const relations = [...sides.values()].map(orient);
  return relations.sort((a, b) => compareEnds(a.left, b.left) || compareEnds(a.right, b.right));
}

function orient(sides: FieldOf[]): ModelRelation {
  if (sides.length !== 2) {
    const named = sides.map(({ model, field }) => `${model.name}.${field.name}`).join(', ');
    throw new Error(`relation "${sides[0].field.relationName}" has ${sides.length} sides (${named}); expected 2 in a valid schema`);
  }
  const holder = sides.find(({ field }) => (field.relationFromFields?.length ?? 0) > 0);
  if (!holder) {
    const [left, right] = sides.map(end).sort(compareEnds);
    return { kind: 'many-to-many', left, right, leftCardinality: '}o', rightCardinality: 'o{', references: [] };
  }
  const referenced = sides.find((side) => side !== holder)!;
  const toMany = referenced.field.isList;
  return {
    kind: toMany ? 'one-to-many' : 'one-to-one',
    left: end(referenced),
    right: end(holder),
    leftCardinality: holder.field.isRequired ? '||' : '|o',
    // The back side of a one-to-one is optional in Prisma: a referenced row may have none.
    rightCardinality: toMany ? 'o{' : 'o|',
    references: holder.field.relationToFields ?? [],
    ...(holder.field.relationOnDelete ? { onDelete: holder.field.relationOnDelete } : {}),
  };
}

const end = ({ model, field }: FieldOf): RelationEnd => ({ model: model.name, field: field.name });

function compareEnds(a: RelationEnd, b: RelationEnd): number {
  return compareNames(a.model, b.model) || compareNames(a.field, b.field);
}

/** Code-unit order, not the locale's: the output must not depend on the machine that renders it. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
