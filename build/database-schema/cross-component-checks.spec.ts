import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runPrismaCli } from '../../src/database/process/prisma-cli';
import { DatabaseSchemaPlugin } from '../database-schema-plugin';

const repoRoot = resolve(__dirname, '..', '..');
const silentLogger = { info: () => {} };

/** A throw-away project with component folders: metadata (for dependsOn) and a schema each. */
function makeProject(parent: string) {
  const root = mkdtempSync(join(parent, 'tmp-schema-checks-'));
  const componentsDir = join(root, 'src', 'components');
  const schemaDir = join(root, 'prisma', 'schema');
  const shown = (path: string) => relative(root, path);
  const schemaPath = (id: string) => join(componentsDir, id, 'prisma', 'schema.prisma');
  const metaPath = (id: string) => join(componentsDir, id, 'component.meta.ts');
  /** `metaFields`: more fields of the meta's object literal, e.g. `modelNamePrefix: false`. */
  const write = (id: string, schema: string, dependsOn: string[] = [], metaFields = '') => {
    mkdirSync(join(componentsDir, id, 'prisma'), { recursive: true });
    writeFileSync(schemaPath(id), schema);
    const deps = dependsOn.length > 0 ? `, dependsOn: [${dependsOn.map((d) => `'${d}'`).join(', ')}]` : '';
    writeFileSync(
      metaPath(id),
      `import { defineComponent } from '../../surface';\nexport default defineComponent({ id: '${id}', title: '${id}', routes: []${deps}${metaFields ? `, ${metaFields}` : ''} });\n`,
    );
    writeFileSync(
      join(componentsDir, id, 'component.module.ts'),
      `import { Module } from '@nestjs/common';\n@Module({})\nexport class M${id.replace(/-/g, '')} {}\n`,
    );
  };
  const copy = (id: string) => readFileSync(join(schemaDir, `${id}.prisma`), 'utf8');
  let generated = 0;
  const plugin = (projectRoot = root) =>
    new DatabaseSchemaPlugin({
      projectRoot,
      componentsDir,
      schemaDir,
      hashFile: join(root, 'client', 'hash'),
      outputDir: join(root, 'src', 'generated'),
      generate: () => Promise.resolve(void generated++),
    });
  return { root, componentsDir, schemaDir, shown, schemaPath, metaPath, write, copy, plugin, generatedCount: () => generated };
}

const PEOPLE = `model PeoplePerson {
  id    Int    @id @default(autoincrement())
  email String @unique
}

enum PeopleRole {
  ADMIN
  MEMBER
}
`;

/** NotesNote.author relates to PeoplePerson; its foreign key is on line 4. */
const NOTES = `model NotesNote {
  id       Int          @id @default(autoincrement())
  authorId Int
  author   PeoplePerson @relation(fields: [authorId], references: [id])
}
`;

describe('schema checks across components', () => {
  let project: ReturnType<typeof makeProject>;

  beforeEach(() => {
    project = makeProject(tmpdir());
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('names both source files and lines when two components declare the same model, and writes nothing', async () => {
    project.write('billing', 'model BillingInvoice {\n  id Int @id\n}\n');
    project.write('shop', '// the shop also wants invoices\n\nmodel BillingInvoice {\n  id Int @id\n}\n');

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${project.shown(project.schemaPath('shop'))}:3: model "BillingInvoice"`);
    expect(errors[0]).toContain(`also declared as a model by ${project.shown(project.schemaPath('billing'))}:1`);
    expect(errors[0]).toContain('ShopInvoice');
    expect(existsSync(project.schemaDir)).toBe(false);
    expect(project.generatedCount()).toBe(0);
  });

  it('rejects an enum in one component named like a model in another', async () => {
    project.write('billing', 'model BillingState {\n  id Int @id\n}\n');
    project.write('shop', 'enum BillingState {\n  OPEN\n}\n');

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([
      expect.stringContaining('enum "BillingState" is also declared as a model by src/components/billing/prisma/schema.prisma:1'),
    ]);
  });

  it('names both @@map lines when two models map to the same table', async () => {
    project.write('billing', 'model BillingItem {\n  id Int @id\n\n  @@map("items")\n}\n');
    project.write('shop', 'model ShopItem {\n  id Int @id\n  @@map("items")\n}\n');

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/components\/shop\/prisma\/schema\.prisma:3: model "ShopItem" uses the database name "items"/);
    expect(errors[0]).toContain('model "BillingItem" of src/components/billing/prisma/schema.prisma:4');
  });

  it('rejects two enums mapped to one database type', async () => {
    project.write('billing', 'enum BillingStatus {\n  OPEN\n  @@map("status")\n}\n');
    project.write('shop', 'enum ShopStatus {\n  NEW\n  @@map("status")\n}\n');

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([expect.stringContaining('enum "ShopStatus" uses the database name "status"')]);
  });

  it('rejects a relation to another component that is not in dependsOn, naming the field, both components and the line to add', async () => {
    project.write('people', PEOPLE);
    project.write('notes', NOTES);

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([
      `src/components/notes/prisma/schema.prisma:4: field "NotesNote.author" uses model "PeoplePerson" of component "people", but component "notes" does not depend on "people"; relations across components must be declared: add dependsOn: ['people'] to src/components/notes/component.meta.ts`,
    ]);
  });

  it('rejects a field typed with another component’s enum without dependsOn too', async () => {
    project.write('people', PEOPLE);
    project.write('notes', 'model NotesNote {\n  id   Int        @id\n  role PeopleRole\n}\n');

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([expect.stringContaining('field "NotesNote.role" uses enum "PeopleRole" of component "people"')]);
  });

  it('adds the back-relation to the other component’s copy, never its source, when dependsOn is declared', async () => {
    project.write('people', PEOPLE);
    project.write('notes', NOTES, ['people']);

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([]);
    const lines = project.copy('people').split('\n');
    expect(lines[1]).toBe('model PeoplePerson {');
    expect(lines[2]).toMatch(
      /^ {2}notesNotes NotesNote\[\] \/\/ added by the build: the other side of NotesNote\.author \(component notes\)$/,
    );
    expect(lines.slice(3).join('\n')).toBe(PEOPLE.split('\n').slice(1).join('\n'));
    expect(readFileSync(project.schemaPath('people'), 'utf8')).toBe(PEOPLE);
  });

  it('adds a singular, optional back-relation when the foreign key is unique (one-to-one), named after the relation', async () => {
    project.write('people', PEOPLE);
    project.write(
      'profiles',
      'model ProfilesProfile {\n  id       Int          @id\n  personId Int          @unique\n  person   PeoplePerson @relation("Owner", fields: [personId], references: [id])\n}\n',
      ['people'],
    );

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([]);
    expect(project.copy('people')).toContain('  profilesProfileOwner ProfilesProfile? @relation("Owner") //');
  });

  it('accepts a back-relation written by hand in the component depended upon, and adds none', async () => {
    project.write('people', PEOPLE.replace('email String @unique', 'email String @unique\n  notes NotesNote[]'));
    project.write('notes', NOTES, ['people']);

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([]);
    expect(project.copy('people')).not.toContain('added by the build');
  });

  it('warns, without failing, about a model not prefixed with its component id, suggesting the name and the opt-out', async () => {
    project.write('notes-board', 'model Note {\n  id Int @id\n}\n\nenum NotesBoardColour {\n  RED\n}\n');

    const { errors, warnings } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'src/components/notes-board/prisma/schema.prisma:1: model "Note" is not prefixed with its component\'s id; rename it to "NotesBoardNote" (with @@map("Note") to keep its table name) so names stay unique across components, or, to keep the names of a schema adopted from an existing database, set modelNamePrefix: false in src/components/notes-board/component.meta.ts',
    ]);
  });

  it('sums up the unprefixed names of a component in one warning line that says how to silence it', async () => {
    project.write('notes-board', 'model Note {\n  id Int @id\n}\n\nenum NotesBoardColour {\n  RED\n}\n\nenum Colour {\n  BLUE\n}\n');

    const { warnings } = await project.plugin().run(silentLogger);

    expect(warnings).toEqual([
      'src/components/notes-board/prisma/schema.prisma:1: 2 model and enum names are not prefixed with the component\'s id "NotesBoard": Note (line 1), Colour (line 9); rename them (e.g. "NotesBoardNote" with @@map("Note")) so names stay unique across components, or, to keep the names of a schema adopted from an existing database, set modelNamePrefix: false in src/components/notes-board/component.meta.ts',
    ]);
  });

  describe('a component adopting an existing schema of 20 unprefixed models', () => {
    const adopted = Array.from({ length: 20 }, (_, i) => `model Table${i + 1} {\n  id Int @id\n}\n`).join('\n');

    it('gets one warning line, with the count and the first names, not one per model', async () => {
      project.write('legacy', adopted);

      const { errors, warnings = [] } = await project.plugin().run(silentLogger);

      expect(errors).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^src\/components\/legacy\/prisma\/schema\.prisma:1: 20 model names are not prefixed/);
      expect(warnings[0]).toContain('Table5 (line 17) and 15 more;');
      expect(warnings[0]).toContain('set modelNamePrefix: false in src/components/legacy/component.meta.ts');
    });

    it('gets no warning with modelNamePrefix: false, and the names still must not clash with another component', async () => {
      project.write('legacy', adopted, [], 'modelNamePrefix: false');
      project.write('shop', 'model Table3 {\n  id Int @id\n}\n', [], 'modelNamePrefix: false');

      const { errors, warnings } = await project.plugin().run(silentLogger);

      expect(warnings).toEqual([]);
      expect(errors).toEqual([expect.stringMatching(/^src\/components\/shop\/prisma\/schema\.prisma:1: model "Table3" is also declared/)]);
    });
  });

  describe('preview features in the generated main.prisma', () => {
    const generator = () => /generator client \{[^}]*\}/.exec(readFileSync(join(project.schemaDir, 'main.prisma'), 'utf8'))![0];
    const VIEW = 'view CatalogTitle {\n  id    Int    @unique\n  title String\n}\n';

    it('enables none while no component needs one', async () => {
      project.write('catalog', 'model CatalogBook {\n  id Int @id\n}\n');

      await project.plugin().run(silentLogger);

      expect(generator()).not.toContain('previewFeatures');
    });

    it('enables views when a component schema declares a view, without the component asking', async () => {
      project.write('catalog', `model CatalogBook {\n  id Int @id\n}\n\n${VIEW}`);

      const { errors } = await project.plugin().run(silentLogger);

      expect(errors).toEqual([]);
      expect(generator()).toContain('  previewFeatures = ["views"]\n');
    });

    it('enables the union of what the components declare, each name once, schema or not', async () => {
      project.write('catalog', VIEW, [], "prismaPreviewFeatures: ['views', 'fullTextSearchPostgres']");
      project.write(
        'search',
        'model SearchEntry {\n  id Int @id\n}\n',
        [],
        "prismaPreviewFeatures: ['fullTextSearchPostgres', 'nativeDistinct']",
      );

      await project.plugin().run(silentLogger);

      expect(generator()).toContain('  previewFeatures = ["fullTextSearchPostgres", "nativeDistinct", "views"]\n');
    });

    it('leaves a name Prisma does not know out of main.prisma (discovery reports it)', async () => {
      project.write('catalog', 'model CatalogBook {\n  id Int @id\n}\n', [], "prismaPreviewFeatures: ['view']");

      await project.plugin().run(silentLogger);

      expect(generator()).not.toContain('previewFeatures');
    });
  });

  it('redraws docs/data-model.md with the relation across components when the client is regenerated', async () => {
    project.write('people', PEOPLE);
    project.write('notes', NOTES, ['people']);

    const { errors } = await project.plugin().run(silentLogger);

    expect(errors).toEqual([]);
    const picture = readFileSync(join(project.root, 'docs', 'data-model.md'), 'utf8');
    expect(picture).toContain('## Component `notes`');
    expect(picture).toContain('"PeoplePerson" ||--o{ "NotesNote" : "notesNotes / author"');
    expect(picture).toMatch(/\| `people` \| `PeoplePerson` \| .*`notes`.* \| `notes` \|/);
  });

  it('writes the scoped clients’ type map: own models and dependencies per component', async () => {
    project.write('people', PEOPLE);
    project.write('notes', NOTES, ['people']);

    await project.plugin().run(silentLogger);

    const models = readFileSync(join(project.root, 'src', 'generated', 'component-models.ts'), 'utf8');
    expect(models).toContain("'notes': 'notesNote';");
    expect(models).toContain("'people': 'peoplePerson';");
    expect(models).toMatch(/ComponentDependencies \{\n {2}'notes': 'people';\n {2}'people': never;/);
  });
});

describe('schema checks across components, validated by the real Prisma CLI', () => {
  // Inside the repository, so the CLI finds its prisma.config.ts and node_modules.
  let project: ReturnType<typeof makeProject>;

  beforeEach(() => {
    mkdirSync(join(repoRoot, '.data'), { recursive: true });
    project = makeProject(join(repoRoot, '.data'));
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('produces copies with back-relations that Prisma accepts as one schema', async () => {
    project.write('people', PEOPLE);
    project.write('notes', NOTES, ['people']);
    project.write('tags', 'model TagsTag {\n  id    Int            @id\n  people PeoplePerson[]\n}\n', ['people']);

    const { errors } = await project.plugin().run(silentLogger);
    expect(errors).toEqual([]);

    const output = await runPrismaCli(['validate', '--schema', project.schemaDir], { cwd: repoRoot });
    expect(output).toMatch(/schemas at .* are valid/);
    expect(project.copy('people')).toContain('  tagsTags TagsTag[] //');
  });

  it('generates a main.prisma with which Prisma accepts a component’s view', async () => {
    project.write('catalog', 'model CatalogBook {\n  id Int @id\n}\n\nview CatalogTitle {\n  id    Int    @unique\n  title String\n}\n');

    const { errors } = await project.plugin().run(silentLogger);
    expect(errors).toEqual([]);

    const output = await runPrismaCli(['validate', '--schema', project.schemaDir], { cwd: repoRoot });
    expect(output).toMatch(/schemas at .* are valid/);
  });

  it('points Prisma’s own error at the source line even below an added back-relation', async () => {
    // Line 4 of the source names an unknown type (which parses, so the back-relation is
    // still added); the copy has a header and one added line above it.
    project.write('people', PEOPLE.replace('email String @unique', 'email String @unique\n  nickname Strng'));
    project.write('notes', NOTES, ['people']);
    const plugin = new DatabaseSchemaPlugin({
      projectRoot: repoRoot,
      componentsDir: project.componentsDir,
      schemaDir: project.schemaDir,
      hashFile: join(project.root, 'client', 'hash'),
      outputDir: join(project.root, 'src', 'generated'),
      dataModelFile: null,
      generate: (schemaDir) => runPrismaCli(['validate', '--schema', schemaDir], { cwd: repoRoot }),
    });

    const { errors } = await plugin.run(silentLogger);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"Strng" is neither a built-in type');
    expect(errors[0].split('\n')[0]).toBe(
      `edit ${relative(repoRoot, project.schemaPath('people'))}:4 (Prisma names its generated copy prisma/schema/people.prisma:6):`,
    );
  });
});
