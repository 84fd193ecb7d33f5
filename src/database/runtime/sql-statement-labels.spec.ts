import { SqlStatementLabeller } from './sql-statement-labels';

describe('SqlStatementLabeller', () => {
  const labeller = SqlStatementLabeller.forModels([
    { name: 'DemoPost', dbName: null },
    { name: 'AccountsUser', dbName: 'accounts_users' },
  ]);

  it.each([
    ['SELECT "t0"."id", "t0"."title" FROM "test_1"."DemoPost" AS "t0" WHERE "t0"."id" = $1 LIMIT $2', 'DemoPost', 'select'],
    ['INSERT INTO "public"."accounts_users" ("id","email") VALUES ($1,$2) RETURNING "id"', 'AccountsUser', 'insert'],
    ['UPDATE "test_1"."DemoPost" SET "title" = $1 WHERE "id" = $2', 'DemoPost', 'update'],
    ['delete from accounts_users where id = $1', 'AccountsUser', 'delete'],
    ['BEGIN', 'none', 'begin'],
    ['COMMIT', 'none', 'commit'],
    ['  ROLLBACK', 'none', 'rollback'],
    ['SELECT 1', 'none', 'select'],
    ['SELECT n.oid FROM (SELECT $1::text AS name) wanted LEFT JOIN pg_namespace n ON n.nspname = wanted.name', 'other', 'select'],
    ['WITH due AS (SELECT id FROM "test_1"."DemoPost") SELECT * FROM due', 'DemoPost', 'other'],
    ['SET search_path TO public', 'none', 'other'],
  ])('labels %s as model %s, action %s', (sql, model, action) => {
    expect(labeller.labelsOf(sql)).toEqual({ model, action });
  });

  it('names a table by its mapped name only, never by a name the SQL made up', () => {
    expect(labeller.labelsOf('SELECT * FROM "AccountsUser"')).toEqual({ model: 'other', action: 'select' });
    expect(labeller.labelsOf(`SELECT * FROM "t_${'x'.repeat(40)}"`)).toEqual({ model: 'other', action: 'select' });
  });
});
