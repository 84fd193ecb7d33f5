import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentDiscoveryPlugin } from './component-discovery-plugin';
import * as componentFolders from './component-folders';
import { DatabaseSchemaPlugin } from './database-schema-plugin';

describe('the component folder scan', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'component-folders-'));
    mkdirSync(join(root, 'src', 'components', 'blog', 'prisma'), { recursive: true });
    writeFileSync(join(root, 'src', 'components', 'blog', 'prisma', 'schema.prisma'), 'model BlogPost {\n  id Int @id\n}\n');
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists src/components once per build: the schema step uses the folders discovery found, as webpack.config.js wires them', async () => {
    const scans = jest.spyOn(componentFolders, 'listComponentFolders');
    const discovery = new ComponentDiscoveryPlugin({ projectRoot: root });
    const schemas = new DatabaseSchemaPlugin({
      projectRoot: root,
      hashFile: join(root, 'client', 'component-schemas.sha256'),
      generate: () => Promise.resolve(),
      dataModelFile: null,
      dependencies: () => discovery.lastDependencies,
      schemaSettings: () => discovery.lastSchemaSettings,
      folders: () => discovery.lastFolders,
    });

    discovery.run();
    const run = await schemas.run({ info: () => undefined });

    expect(scans).toHaveBeenCalledTimes(1);
    expect(discovery.lastFolders).toEqual(['blog']);
    expect(run.watched).toContain(join(root, 'src', 'components', 'blog', 'prisma', 'schema.prisma'));
  });
});
