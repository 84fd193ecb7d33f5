import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { ComponentSchema } from './check-component-schemas';
import { renderComponentModels } from './render-component-models';
import { readSchemaFacts } from './schema-facts';

const repoRoot = resolve(__dirname, '..', '..');

/** A stand-in for the generated Prisma Client: three components' delegates, typed just enough to call. */
const FIXTURE_CLIENT = `
type Delegate<Row> = { findMany(): Promise<Row[]> };
type Models = {
  peoplePerson: Delegate<{ id: number }>;
  notesNote: Delegate<{ id: number }>;
  billingInvoice: Delegate<{ id: number }>;
};
export declare class PrismaClient implements Models {
  peoplePerson: Models['peoplePerson'];
  notesNote: Models['notesNote'];
  billingInvoice: Models['billingInvoice'];
  $transaction<R>(fn: (tx: Prisma.TransactionClient) => Promise<R>, options?: { timeout?: number }): Promise<R>;
}
export declare namespace Prisma {
  type TransactionClient = Omit<PrismaClient, '$transaction'>;
  type PrismaPromise<T> = Promise<T>;
  type TransactionIsolationLevel = 'Serializable';
}
`;

/**
 * A stand-in for prisma-kysely's src/generated/kysely/database.ts: the same
 * three components' tables (the model names), with columns of different
 * types so a wrong result type shows.
 */
const FIXTURE_DATABASE = `
export type PeoplePerson = { id: number; name: string };
export type NotesNote = { id: number; personId: number; body: string | null };
export type BillingInvoice = { id: number; personId: number; total: number };
export type DB = { PeoplePerson: PeoplePerson; NotesNote: NotesNote; BillingInvoice: BillingInvoice };
`;

const schema = (id: string, source: string): ComponentSchema => ({
  id,
  sourcePath: `src/components/${id}/prisma/schema.prisma`,
  metaPath: `src/components/${id}/component.meta.ts`,
  facts: readSchemaFacts(source).facts!,
});

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  types: [],
  // As tsconfig.json: declaration files (TypeScript's lib, the fixture client) are not checked.
  skipLibCheck: true,
};

// TypeScript's lib files and Kysely's declarations, parsed once for every
// program of this file instead of once per test: most of each program's
// cost, and the same for all of them.
const SHARED_DIRS = [dirname(ts.getDefaultLibFilePath(COMPILER_OPTIONS)), join(repoRoot, 'node_modules')];
const libFiles = new Map<string, ts.SourceFile | undefined>();

function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!SHARED_DIRS.some((dir) => fileName.startsWith(dir))) return parse(fileName, languageVersion, onError, shouldCreate);
    if (!libFiles.has(fileName)) libFiles.set(fileName, parse(fileName, languageVersion, onError, shouldCreate));
    return libFiles.get(fileName);
  };
  return host;
}

/**
 * The type errors of `usage`, compiled against the real component-client.ts,
 * a generated model map and a stand-in for the generated Kysely types
 * (`kysely` itself resolves from the project's node_modules).
 */
function typeErrorsOf(usage: string): string[] {
  const root = mkdtempSync(join(repoRoot, '.data', 'tmp-client-types-'));
  try {
    mkdirSync(join(root, 'src', 'database', 'runtime'), { recursive: true });
    mkdirSync(join(root, 'src', 'generated', 'kysely'), { recursive: true });
    mkdirSync(join(root, 'fixture'), { recursive: true });
    copyFileSync(
      join(repoRoot, 'src', 'database', 'runtime', 'component-client.ts'),
      join(root, 'src', 'database', 'runtime', 'component-client.ts'),
    );
    const models = renderComponentModels(
      ['billing', 'notes', 'people'],
      [
        schema('people', 'model PeoplePerson {\n  id Int @id\n}\n'),
        schema('notes', 'model NotesNote {\n  id Int @id\n}\n'),
        schema('billing', 'model BillingInvoice {\n  id Int @id\n}\n'),
      ],
      new Map([['notes', ['people']]]),
    );
    writeFileSync(join(root, 'src', 'generated', 'component-models.ts'), models);
    writeFileSync(join(root, 'src', 'generated', 'kysely', 'database.ts'), FIXTURE_DATABASE);
    writeFileSync(join(root, 'fixture', 'prisma-client.d.ts'), FIXTURE_CLIENT);
    const usageFile = join(root, 'src', 'usage.ts');
    writeFileSync(usageFile, `import type { ComponentClient } from './database/runtime/component-client';\n${usage}\n`);
    const options = { ...COMPILER_OPTIONS, baseUrl: root, paths: { '@prisma/client': ['fixture/prisma-client.d.ts'] } };
    const program = ts.createProgram([usageFile], options, compilerHost(options));
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      // An error outside `usage` (component-client.ts no longer compiling) names its file.
      if (d.file?.fileName !== usageFile) return `${d.file ? relative(root, d.file.fileName) : 'options'}: ${text}`;
      // Lines of `usage`, which starts with a newline after the import line: its first statement is line 1.
      return `line ${d.file.getLineAndCharacterOfPosition(d.start!).line - 1}: ${text}`;
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('ComponentClient<id>', () => {
  beforeAll(() => mkdirSync(join(repoRoot, '.data'), { recursive: true }));

  it('lets a component use its own models and those of the components it depends on', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'notes'>;
void db.notesNote.findMany();
void db.peoplePerson.findMany();
void db.$transaction(async (tx) => tx.notesNote.findMany());`);

    expect(errors).toEqual([]);
  });

  it('makes another component’s model a compile error, inside transactions too', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'notes'>;
void db.billingInvoice.findMany();
void db.$transaction(async (tx) => tx.billingInvoice.findMany());`);

    expect(errors).toEqual([
      expect.stringMatching(/^line 2: Property 'billingInvoice' does not exist on type/),
      expect.stringMatching(/^line 3: Property 'billingInvoice' does not exist on type/),
    ]);
  });

  it('does not let a component see the models of components that depend on it', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'people'>;
void db.notesNote.findMany();`);

    expect(errors).toEqual([expect.stringMatching(/^line 2: Property 'notesNote' does not exist on type/)]);
  });
});

describe("ComponentClient<id>['$kysely'], the fast path", () => {
  beforeAll(() => mkdirSync(join(repoRoot, '.data'), { recursive: true }));

  it('lets a component query and join its own tables and those of the components it depends on, with typed columns', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'notes'>;
async function rows() {
  const notes = await db.$kysely
    .selectFrom('NotesNote as note')
    .innerJoin('PeoplePerson as person', 'person.id', 'note.personId')
    .select(['note.id', 'note.body', 'person.name as author'])
    .execute();
  const id: number = notes[0].id;
  const body: string | null = notes[0].body;
  const author: string = notes[0].author;
  const people = await db.$kysely.selectFrom('PeoplePerson').selectAll().execute();
  const name: string = people[0].name;
  await db.$kysely.insertInto('NotesNote').values({ id: 1, personId: 1, body: null }).execute();
  return [id, body, author, name];
}
void rows;`);

    expect(errors).toEqual([]);
  });

  it('types each result column as its table declares it: a text column is not a number', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'notes'>;
async function rows() {
  const [row] = await db.$kysely
    .selectFrom('NotesNote as note')
    .innerJoin('PeoplePerson as person', 'person.id', 'note.personId')
    .select(['note.body', 'person.name'])
    .execute();
  const name: number = row.name;
  const body: string = row.body;
  return [name, body];
}
void rows;`);

    expect(errors).toEqual([
      expect.stringMatching(/^line 8: Type 'string' is not assignable to type 'number'/),
      expect.stringMatching(/^line 9: Type 'string \| null' is not assignable to type 'string'/),
    ]);
  });

  it('makes another component’s table a compile error in selectFrom, innerJoin and insertInto', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'notes'>;
void db.$kysely.selectFrom('BillingInvoice').selectAll().execute();
void db.$kysely.selectFrom('NotesNote as note').innerJoin('BillingInvoice as invoice', 'invoice.personId', 'note.personId').selectAll().execute();
void db.$kysely.insertInto('BillingInvoice');`);

    expect(errors).toEqual([
      expect.stringMatching(/^line 2: .*'"BillingInvoice"'/),
      expect.stringMatching(/^line 3: .*'"BillingInvoice as invoice"'/),
      expect.stringMatching(/^line 4: .*'"BillingInvoice"'/),
    ]);
  });

  it('does not let a component see, on the fast path, the tables of components that depend on it', () => {
    const errors = typeErrorsOf(`
declare const db: ComponentClient<'people'>;
void db.$kysely.selectFrom('NotesNote').selectAll().execute();`);

    expect(errors).toEqual([expect.stringMatching(/^line 2: .*'"NotesNote"'/)]);
  });
});
