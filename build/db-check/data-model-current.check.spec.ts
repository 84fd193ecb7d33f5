import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCurrentDataModel } from '../data-model/current-data-model';
import { dataModelCurrentCheck } from './data-model-current.check';

describe('db:check: docs/data-model.md is current', () => {
  let root: string;
  const writeSchema = (schema: string) => writeFileSync(join(root, 'src', 'components', 'notes', 'prisma', 'schema.prisma'), schema);
  const draw = async () => {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs', 'data-model.md'), (await renderCurrentDataModel(root)).content!);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'data-model-check-'));
    const component = join(root, 'src', 'components', 'notes');
    mkdirSync(join(component, 'prisma'), { recursive: true });
    writeFileSync(
      join(component, 'component.meta.ts'),
      "import { defineComponent } from '../../surface';\nexport default defineComponent({ id: 'notes', title: 'Notes', routes: [] });\n",
    );
    writeFileSync(
      join(component, 'component.module.ts'),
      "import { Module } from '@nestjs/common';\n@Module({})\nexport class NotesModule {}\n",
    );
    writeSchema('model NotesNote {\n  id Int @id\n}\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fails when the file is missing, naming the command that draws it', async () => {
    await expect(dataModelCurrentCheck.run(root)).resolves.toEqual(['docs/data-model.md is missing; run npm run db:erd and commit it']);
  });

  it('passes right after npm run db:erd drew it', async () => {
    await draw();

    await expect(dataModelCurrentCheck.run(root)).resolves.toEqual([]);
  });

  it('fails once a schema changes, until it is redrawn', async () => {
    await draw();
    writeSchema('model NotesNote {\n  id    Int    @id\n  title String @unique\n}\n');

    await expect(dataModelCurrentCheck.run(root)).resolves.toEqual([
      'docs/data-model.md is stale: a component schema or dependsOn changed since it was drawn; run npm run db:erd and commit it',
    ]);
    await draw();
    await expect(dataModelCurrentCheck.run(root)).resolves.toEqual([]);
  });
});
