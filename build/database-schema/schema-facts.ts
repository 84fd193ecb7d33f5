// What the cross-component checks need to know about one component schema,
// read with a real Prisma schema parser (@mrleebo/prisma-ast), with lines.
// Plain data, so it can be cached by content (schema-facts-cache.ts).
import type { Attribute, AttributeArgument, Block, Field, KeyValue, Value } from '@mrleebo/prisma-ast';

export type BlockKind = 'model' | 'view' | 'type' | 'enum' | 'datasource' | 'generator';

export interface FieldFacts {
  name: string;
  /** The type's name (`AccountsUser`, `String`); `Unsupported` for Unsupported("…"). */
  type: string;
  line: number;
  list: boolean;
  optional: boolean;
  /** `@relation("Name", …)` or `@relation(name: "Name", …)`. */
  relationName?: string;
  /** `@relation(fields: […])`: this side holds the foreign key. */
  relationFields?: string[];
  /** `@unique` or `@id` on the field. */
  unique: boolean;
}

export interface BlockFacts {
  kind: BlockKind;
  name: string;
  /** Line of `model Name {`. */
  line: number;
  /** `@@map("…")`: the table or enum type name in the database. */
  mappedName?: { name: string; line: number };
  fields: FieldFacts[];
  /** `@@id([…])` and `@@unique([…])` field lists. */
  uniqueSets: string[][];
}

export interface SchemaFacts {
  blocks: BlockFacts[];
}

export type ReadFacts = { facts: SchemaFacts; parseError?: undefined } | { facts?: undefined; parseError: string };

type Parser = typeof import('@mrleebo/prisma-ast');
let parser: { getSchema: Parser['getSchema']; options: Parameters<Parser['getSchema']>[1] } | undefined;

/** Loaded on first use: the parser library takes ~0.1 s to load, and a build whose schemas are cached never needs it. */
function schemaParser() {
  if (!parser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getSchema, PrismaParser, VisitorClassFactory } = require('@mrleebo/prisma-ast') as Parser;
    const prismaParser = new PrismaParser({ nodeLocationTracking: 'full' });
    const Visitor = VisitorClassFactory(prismaParser);
    parser = { getSchema, options: { parser: prismaParser, visitor: new Visitor(prismaParser) } };
  }
  return parser;
}

/** `"Name"` -> `Name`; anything that is not a string literal -> undefined. */
function stringLiteral(value: Value | undefined): string | undefined {
  return typeof value === 'string' && /^".*"$/.test(value) ? value.slice(1, -1) : undefined;
}

function isKeyValue(value: unknown): value is KeyValue {
  return typeof value === 'object' && value !== null && (value as KeyValue).type === 'keyValue';
}

function names(value: Value | undefined): string[] | undefined {
  if (typeof value !== 'object' || value === null || !('type' in value) || value.type !== 'array') return undefined;
  return value.args.filter((arg): arg is string => typeof arg === 'string');
}

/** The positional argument, or the one named `key`. */
function argument(args: AttributeArgument[] | undefined, key: string, position = 0): Value | undefined {
  const named = args?.find((arg) => isKeyValue(arg.value) && arg.value.key === key);
  if (named) return (named.value as KeyValue).value;
  const positional = args?.filter((arg) => !isKeyValue(arg.value));
  return positional?.[position]?.value as Value | undefined;
}

function fieldFacts(field: Field): FieldFacts {
  const attributes: Attribute[] = field.attributes ?? [];
  const relation = attributes.find((a) => a.name === 'relation');
  const type = typeof field.fieldType === 'string' ? field.fieldType : field.fieldType.name;
  const relationName = relation ? stringLiteral(argument(relation.args, 'name')) : undefined;
  const relationFields = relation ? names(argument(relation.args, 'fields', Number.NaN)) : undefined;
  return {
    name: field.name,
    type,
    line: field.location?.startLine ?? 0,
    list: field.array === true,
    optional: field.optional === true,
    ...(relationName !== undefined ? { relationName } : {}),
    ...(relationFields ? { relationFields } : {}),
    unique: attributes.some((a) => a.name === 'unique' || a.name === 'id'),
  };
}

function blockFacts(block: Block): BlockFacts | undefined {
  if (!['model', 'view', 'type', 'enum', 'datasource', 'generator'].includes(block.type)) return undefined;
  const named = block as Block & { name: string; location?: { startLine?: number } };
  const facts: BlockFacts = {
    kind: block.type as BlockKind,
    name: named.name,
    line: named.location?.startLine ?? 0,
    fields: [],
    uniqueSets: [],
  };
  const members: unknown[] = 'properties' in block ? block.properties : 'enumerators' in block ? block.enumerators : [];
  for (const member of members as Array<Field | Attribute | { type: string }>) {
    if (member.type === 'field') facts.fields.push(fieldFacts(member as Field));
    // Block attributes (@@map, @@id, @@unique); the library types them apart from field attributes.
    if (member.type !== 'attribute' || (member as { kind?: string }).kind !== 'object') continue;
    const attribute = member as Attribute;
    if (attribute.name === 'map') {
      const name = stringLiteral(argument(attribute.args, 'name'));
      if (name !== undefined) facts.mappedName = { name, line: attribute.location?.startLine ?? facts.line };
    }
    if (attribute.name === 'id' || attribute.name === 'unique') {
      const fields = names(argument(attribute.args, 'fields'));
      if (fields) facts.uniqueSets.push(fields);
    }
  }
  return facts;
}

/** Parses one component schema. A parse error is reported, not thrown: Prisma's own validation then names the problem. */
export function readSchemaFacts(content: string): ReadFacts {
  const { getSchema, options } = schemaParser();
  try {
    const schema = getSchema(content, options);
    return { facts: { blocks: schema.list.map(blockFacts).filter((b): b is BlockFacts => b !== undefined) } };
  } catch (error) {
    return { parseError: (error as Error).message.split('\n')[0] };
  }
}
