/**
 * A worker schema holding the tables of `components` components, five each,
 * in the shape `prisma migrate dev` writes: uuid keys, a unique email, foreign
 * keys with RESTRICT, CASCADE and SET NULL inside a component, and one into
 * the previous component (as `dependsOn` allows). No foreign-key cycle, so the
 * old child-first reset can run on it too. Pure and deterministic.
 */
const TABLES = ['User', 'Post', 'Comment', 'Tag', 'PostTag'] as const;

export const TABLES_PER_COMPONENT = TABLES.length;

const prefix = (component: number) => `C${component}`;
const table = (schema: string, component: number, name: (typeof TABLES)[number]) => `${schema}."${prefix(component)}${name}"`;

export function componentTablesSql(schema: string, components: number): string {
  const statements: string[] = [];
  for (let c = 1; c <= components; c++) {
    const t = (name: (typeof TABLES)[number]) => table(schema, c, name);
    const owner = c > 1 ? `, "ownerId" UUID REFERENCES ${table(schema, c - 1, 'User')} ("id") ON DELETE SET NULL ON UPDATE CASCADE` : '';
    statements.push(
      `CREATE TABLE ${t('User')} ("id" UUID PRIMARY KEY DEFAULT gen_random_uuid(), "email" TEXT NOT NULL UNIQUE, "name" TEXT NOT NULL,
        "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP${owner});`,
      `CREATE TABLE ${t('Post')} ("id" UUID PRIMARY KEY DEFAULT gen_random_uuid(), "title" TEXT NOT NULL, "body" TEXT,
        "authorId" UUID NOT NULL REFERENCES ${t('User')} ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
        "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);`,
      `CREATE INDEX ON ${t('Post')} ("authorId");`,
      `CREATE TABLE ${t('Comment')} ("id" UUID PRIMARY KEY DEFAULT gen_random_uuid(), "body" TEXT NOT NULL,
        "postId" UUID NOT NULL REFERENCES ${t('Post')} ("id") ON DELETE CASCADE ON UPDATE CASCADE,
        "authorId" UUID REFERENCES ${t('User')} ("id") ON DELETE SET NULL ON UPDATE CASCADE);`,
      `CREATE INDEX ON ${t('Comment')} ("postId");`,
      `CREATE TABLE ${t('Tag')} ("id" UUID PRIMARY KEY DEFAULT gen_random_uuid(), "name" TEXT NOT NULL UNIQUE);`,
      `CREATE TABLE ${t('PostTag')} ("postId" UUID NOT NULL REFERENCES ${t('Post')} ("id") ON DELETE CASCADE ON UPDATE CASCADE,
        "tagId" UUID NOT NULL REFERENCES ${t('Tag')} ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("postId", "tagId"));`,
    );
  }
  return statements.join('\n');
}

/** What one test writes: a user, then a post, then a comment, in `tables` (1–3) of one component's tables. */
export function testWriteSql(schema: string, component: number, tables: 1 | 2 | 3): { sql: string; written: string[] } {
  const t = (name: (typeof TABLES)[number]) => table(schema, component, name);
  const user = `INSERT INTO ${t('User')} ("email", "name") VALUES (gen_random_uuid()::text || '@example.test', 'Ada') RETURNING "id"`;
  const post = `INSERT INTO ${t('Post')} ("title", "authorId") SELECT 'Hello', "id" FROM u RETURNING "id", "authorId"`;
  const comment = `INSERT INTO ${t('Comment')} ("body", "postId", "authorId") SELECT 'Nice', "id", "authorId" FROM p`;
  const sql = tables === 1 ? user : tables === 2 ? `WITH u AS (${user}) ${post}` : `WITH u AS (${user}), p AS (${post}) ${comment}`;
  return { sql, written: [t('User'), t('Post'), t('Comment')].slice(0, tables) };
}
