/**
 * A migration name for `npx prisma migrate dev --name <name>`, read from
 * Prisma's summary of what the migration would change (`prisma migrate diff`):
 *
 * - one change says what it is: `add_demo_post_subtitle` (a column),
 *   `add_demo_tag` (a table), `remove_demo_post_content`, `change_demo_post_title`;
 * - several name the components whose tables or enums they touch:
 *   `update_demo`, `update_blog_demo`;
 * - the tables of removed components: `remove_books` (from `gone`);
 * - anything else: `update_schema`.
 *
 * A suggestion the developer may keep, so that following the message gives a
 * history that reads like the changes; Prisma adds the timestamp.
 *
 * @param owners table or enum name (as Prisma prints it) -> owning component id
 * @param gone components whose schema no longer exists (a deleted component folder)
 */
export function suggestMigrationName(
  differences: string,
  owners: ReadonlyMap<string, string>,
  gone: ReadonlySet<string> = new Set(),
): string {
  const changes = readChanges(differences);
  // Everything touches tables of deleted components: the migration removes them.
  const ownedBy = changes.map((change) => owners.get(change.object));
  if (changes.length > 0 && ownedBy.every((id) => id !== undefined && gone.has(id))) {
    return clip(`remove_${[...new Set(ownedBy as string[])].sort().map(snakeCase).join('_')}`);
  }
  if (changes.length === 1) {
    const [{ verb, object, detail }] = changes;
    return clip([verb, snakeCase(object), ...(detail ? [snakeCase(detail)] : [])].join('_'));
  }
  const components = [...new Set(changes.map((change) => owners.get(change.object)).filter((id) => id !== undefined))].sort();
  return components.length > 0 ? clip(`update_${components.map(snakeCase).join('_')}`) : 'update_schema';
}

/** One leaf of Prisma's migration summary. */
export interface MigrationChange {
  verb: 'add' | 'remove' | 'change';
  /** What `object` is: `table`, `enum`, `view`… */
  kind: string;
  /** The table or enum. */
  object: string;
  /** The column (or variant) within it, when the change is one. */
  detail?: string;
  /** What `detail` is: `column`, `variant`. */
  detailKind?: string;
}

const VERBS = { '+': 'add', '-': 'remove', '*': 'change' } as const;

/**
 * The leaves of Prisma's summary: a table or enum in an `[+] Added tables`
 * list, or one line under `[*] Changed the \`DemoPost\` table`.
 */
export function readChanges(differences: string): MigrationChange[] {
  const changes: MigrationChange[] = [];
  let list: MigrationChange['verb'] | undefined;
  let kind = '';
  let changed: string | undefined;
  for (const line of differences.split('\n')) {
    const header = /^\[([+\-*])\] (?:Added|Removed|Changed) (?:the `([^`]+)` )?(\w+)/.exec(line);
    if (header) {
      // `[+] Added tables` opens a list of names; `[*] Changed the `X` table` a list of changes to X.
      changed = header[2];
      kind = header[3].replace(/s$/, '');
      list = changed ? undefined : VERBS[header[1] as keyof typeof VERBS];
      continue;
    }
    const item = /^\s+- (\S+)/.exec(line);
    if (item && list) {
      changes.push({ verb: list, kind, object: item[1] });
      continue;
    }
    const inner = /^\s+\[([+\-*])\] \w+ (column|variant) `([^`]+)`/.exec(line);
    if (changed && inner) {
      changes.push({ verb: VERBS[inner[1] as keyof typeof VERBS], kind, object: changed, detail: inner[3], detailKind: inner[2] });
    } else if (changed && /^\s+\[[+\-*]\]/.test(line)) changes.push({ verb: 'change', kind, object: changed });
  }
  return changes;
}

/** `DemoPost` -> `demo_post`, `createdAt` -> `created_at`, `demo_tags` stays. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase()
    .replace(/^_+|_+$/g, '');
}

/** Prisma keeps the name in a folder name; long ones only get harder to read. */
function clip(name: string): string {
  return name.length <= 60 ? name : name.slice(0, 60).replace(/_+$/, '');
}
