import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { CommandRun, ProjectCopy } from '../../component-scaffold/test/project-copy';

// `npm run build` in a temporary copy of the project, with a component broken
// as an author breaks one: each build must report that component's error and
// nothing else (no TypeScript or resolve errors in platform files that only
// follow from it), and leave no generated file naming a deleted component.
// The steps share one copy, in order; the failing builds stop after the build
// steps, so only `npm run generate` runs Prisma at length.

const STEP_TIMEOUT = 240_000;
const GENERATED = ['src/generated', 'prisma/schema'];

describe('npm run build with a broken component, in a temporary copy of the project', () => {
  let copy: ProjectCopy;
  const books = 'src/components/books';
  const booksSchema = `${books}/prisma/schema.prisma`;
  // The other component is one this test creates too, so the test needs none of the shipped ones (the demo may be deleted).
  const shelvesSchema = 'src/components/shelves/prisma/schema.prisma';
  const shelvesMeta = 'src/components/shelves/component.meta.ts';
  let goodBooksSchema: string;
  let goodShelvesSchema: string;
  let goodShelvesMeta: string;

  beforeAll(async () => {
    copy = ProjectCopy.create({ freeIds: ['books', 'shelves'] });
    await succeed('npm run component:new -- books');
    await succeed('npm run component:new -- shelves');
    goodBooksSchema = copy.read(booksSchema);
    goodShelvesSchema = copy.read(shelvesSchema);
    goodShelvesMeta = copy.read(shelvesMeta);
  }, STEP_TIMEOUT);

  afterAll(() => copy?.dispose());

  async function succeed(command: string): Promise<CommandRun> {
    const run = await copy.run(command, STEP_TIMEOUT - 10_000);
    if (run.code !== 0) throw new Error(`${command} exited with ${run.code} in the copy:\n${run.output}`);
    return run;
  }

  /** `npm run build`, which must fail; its `ERROR in …` blocks, one per error webpack reports. */
  async function failingBuild(): Promise<string[]> {
    const { code, output } = await copy.run('npm run build --silent', STEP_TIMEOUT - 10_000);
    expect(code).not.toBe(0);
    const errors = output.split(/^(?=ERROR in )/m).filter((block) => block.startsWith('ERROR in '));
    expect(output).toMatch(new RegExp(`webpack compiled with ${errors.length} errors?\\b`));
    return errors;
  }

  /**
   * Generated files (relative paths) whose name or content mentions `id`.
   * Not src/generated/kysely/: the fast path's table types are written by
   * `prisma generate` with the client, so like the client they keep the last
   * generated tables until a build succeeds (ComponentTables, in
   * component-models.ts, no longer gives them to any component).
   */
  function generatedFilesNaming(id: string): string[] {
    return GENERATED.flatMap((dir) =>
      readdirSync(copy.path(dir), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${dir}/${entry.name}`)
        .filter((file) => file.includes(id) || readFileSync(copy.path(file), 'utf8').includes(id)),
    );
  }

  it(
    'reports a model name a new component shares with another once, and no error in the files that use the client',
    async () => {
      copy.write(booksSchema, goodBooksSchema.replace('model BooksItem', 'model ShelvesItem'));

      const errors = await failingBuild();

      expect(errors).toEqual([
        expect.stringContaining('model "ShelvesItem" is also declared as a model by src/components/books/prisma/schema.prisma'),
      ]);
    },
    STEP_TIMEOUT,
  );

  it(
    'reports a typo in a new component’s schema once, as Prisma names it, and no error in the files that use the client',
    async () => {
      copy.write(booksSchema, goodBooksSchema.replace(/name(\s+)String/, 'name$1Strin'));

      const errors = await failingBuild();

      expect(errors).toEqual([expect.stringMatching(/^ERROR in edit src\/components\/books\/prisma\/schema\.prisma:\d+ [^]*Type "Strin"/)]);
    },
    STEP_TIMEOUT,
  );

  it(
    'after a component is deleted while another has a schema error, reports that error only and no generated file names the deleted one',
    async () => {
      copy.write(booksSchema, goodBooksSchema);
      await succeed('npm run generate');
      expect(generatedFilesNaming('books')).not.toEqual([]);
      renameSync(copy.path(books), copy.path('books-aside'));
      try {
        copy.write(shelvesSchema, `datasource db {\n  provider = "postgresql"\n}\n\n${goodShelvesSchema}`);
        const errors = await failingBuild();

        expect(errors).toEqual([
          expect.stringMatching(
            /^ERROR in src\/components\/shelves\/prisma\/schema\.prisma:1: a component schema cannot declare a datasource/,
          ),
        ]);
        expect(generatedFilesNaming('books')).toEqual([]);
      } finally {
        // The tests after this one start from the component in place.
        renameSync(copy.path('books-aside'), copy.path(books));
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'after a component is deleted while another’s metadata is invalid, reports that error only and no generated file names the deleted one',
    async () => {
      copy.write(shelvesSchema, goodShelvesSchema);
      await succeed('npm run generate');
      expect(generatedFilesNaming('books')).not.toEqual([]);

      rmSync(copy.path(books), { recursive: true });
      copy.write(shelvesMeta, goodShelvesMeta.replace(/^\s*title: .*$/m, ''));
      const errors = await failingBuild();

      expect(errors).toEqual([expect.stringMatching(/^ERROR in src\/components\/shelves\/component\.meta\.ts: field "title" is required/)]);
      expect(generatedFilesNaming('books')).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
