import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentDiscoveryPlugin } from '../component-discovery-plugin';
import { componentMapCurrentCheck } from './component-map-current.check';

describe('db:check: docs/component-map.md is current', () => {
  let root: string;
  const writeMeta = (fields: string) =>
    writeFileSync(
      join(root, 'src', 'components', 'notes', 'component.meta.ts'),
      `import { defineComponent } from '../../surface';\nexport default defineComponent({ id: 'notes', title: 'Notes', routes: []${fields} });\n`,
    );
  /** What the build does: discovery redraws the map. */
  const build = () => expect(new ComponentDiscoveryPlugin({ projectRoot: root }).run().errors).toEqual([]);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'component-map-check-'));
    const component = join(root, 'src', 'components', 'notes');
    mkdirSync(component, { recursive: true });
    writeMeta('');
    writeFileSync(
      join(component, 'component.module.ts'),
      "import { Module } from '@nestjs/common';\n@Module({})\nexport class NotesModule {}\n",
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fails when the file is missing, naming the command that draws it', async () => {
    await expect(componentMapCurrentCheck.run(root)).resolves.toEqual([
      'docs/component-map.md is missing; run npm run generate and commit it',
    ]);
  });

  it('passes right after the build drew it', async () => {
    build();

    await expect(componentMapCurrentCheck.run(root)).resolves.toEqual([]);
  });

  it('fails once a component declares a schedule, until the build redraws it', async () => {
    build();
    writeMeta(", schedules: [{ name: 'prune-expired', cron: '*/15 * * * *' }]");

    await expect(componentMapCurrentCheck.run(root)).resolves.toEqual([
      'docs/component-map.md is stale: a component was added or removed, or its title, dependsOn, events or schedules changed since it was drawn; run npm run generate and commit it',
    ]);
    build();
    await expect(componentMapCurrentCheck.run(root)).resolves.toEqual([]);
  });

  it('reports the metadata error instead of comparing, while a component is invalid', async () => {
    build();
    writeMeta(", schedules: [{ name: 'prune-expired', cron: 'every day' }]");

    await expect(componentMapCurrentCheck.run(root)).resolves.toEqual([
      expect.stringMatching(
        /^src\/components\/notes\/component\.meta\.ts: field "schedules\[0\]\.cron" of schedule "prune-expired" is "every day"/,
      ),
    ]);
  });
});
