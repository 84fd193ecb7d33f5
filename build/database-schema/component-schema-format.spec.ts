import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCommand } from '../../src/database/process/run-command';
import { componentNames } from '../component-scaffold/component-names';
import { schemaTemplate } from '../component-scaffold/templates/schema.template';
import { formatComponentSchema } from './component-schema-format';

const repoRoot = resolve(__dirname, '..', '..');

/** A component schema as someone types it: native types, a relation, nothing aligned. */
const UNFORMATTED = `model NoteBook {
  id String @id @default(uuid()) @db.Uuid
      title String
  pages NotePage[]
}
model NotePage {
  id String @id @default(uuid()) @db.Uuid
  bookId String @db.Uuid
  book NoteBook @relation(fields:[bookId],references:[id])
}
`;

/** The same, as Prisma's formatter lays it out. */
const FORMATTED = `model NoteBook {
  id    String     @id @default(uuid()) @db.Uuid
  title String
  pages NotePage[]
}

model NotePage {
  id     String   @id @default(uuid()) @db.Uuid
  bookId String   @db.Uuid
  book   NoteBook @relation(fields: [bookId], references: [id])
}
`;

describe('component schemas in Prisma format', () => {
  describe('npm run lint and npm run format, in a project', () => {
    let projectRoot: string;
    const schemaFile = () => join(projectRoot, 'src', 'components', 'notes', 'prisma', 'schema.prisma');

    /** The step `npm run format` (no flag) and `npm run lint` (--check) run, as a command in the project. */
    const formatStep = (...args: string[]) =>
      runCommand(
        process.execPath,
        [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'build', 'format-schemas.ts'), ...args],
        {
          cwd: projectRoot,
        },
      );

    beforeAll(() => {
      projectRoot = mkdtempSync(join(tmpdir(), 'schema-format-'));
      mkdirSync(join(projectRoot, 'src', 'components', 'notes', 'prisma'), { recursive: true });
      mkdirSync(join(projectRoot, 'src', 'components', 'plain'), { recursive: true });
      writeFileSync(schemaFile(), UNFORMATTED);
    });

    afterAll(() => rmSync(projectRoot, { recursive: true, force: true }));

    it('the lint check fails on an unformatted component schema, naming the file and the command that fixes it, and changes nothing', async () => {
      const check = await formatStep('--check');

      expect(check.code).toBe(1);
      expect(check.output.trim()).toBe(
        "src/components/notes/prisma/schema.prisma: not laid out as Prisma formats it; run npm run format (it runs Prisma's formatter on every component schema)",
      );
      expect(readFileSync(schemaFile(), 'utf8')).toBe(UNFORMATTED);
    }, 120_000);

    it('npm run format lays the schema out as Prisma does, native types included, and the check then passes', async () => {
      const format = await formatStep();
      const check = await formatStep('--check');

      expect(format).toMatchObject({ code: 0, output: 'formatted src/components/notes/prisma/schema.prisma\n' });
      expect(readFileSync(schemaFile(), 'utf8')).toBe(FORMATTED);
      expect(check).toMatchObject({ code: 0, output: '' });
    }, 120_000);
  });

  it("lays out a schema that refers to another component's model without adding anything to it", async () => {
    const source = `model DemoPost {\n  id String @id @db.Uuid\n  authorId String @db.Uuid\n  author AccountsUser @relation(fields: [authorId], references: [id])\n}\n`;

    await expect(formatComponentSchema('src/components/demo/prisma/schema.prisma', source)).resolves.toBe(
      `model DemoPost {\n  id       String       @id @db.Uuid\n  authorId String       @db.Uuid\n  author   AccountsUser @relation(fields: [authorId], references: [id])\n}\n`,
    );
  });

  it('leaves the schema that npm run component:new writes as it is, so a new component passes the check', async () => {
    const source = schemaTemplate(componentNames('reading-list', { schema: true }));

    await expect(formatComponentSchema('src/components/reading-list/prisma/schema.prisma', source)).resolves.toBe(source);
  });
});
