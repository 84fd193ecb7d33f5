import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaCopiesNeedSync, SKIP_SCHEMA_COPIES_SYNC } from './schema-copies-sync';

describe('schemaCopiesNeedSync', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'schema-copies-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refreshes the copies for every command a developer types', () => {
    mkdirSync(join(root, 'prisma', 'schema'), { recursive: true });
    writeFileSync(join(root, 'prisma', 'schema', 'main.prisma'), '');

    expect(schemaCopiesNeedSync({}, root)).toBe(true);
  });

  it('leaves the copies the build wrote when the start asks it to', () => {
    mkdirSync(join(root, 'prisma', 'schema'), { recursive: true });
    writeFileSync(join(root, 'prisma', 'schema', 'main.prisma'), '');

    expect(schemaCopiesNeedSync({ [SKIP_SCHEMA_COPIES_SYNC]: '1' }, root)).toBe(false);
  });

  it('writes the copies anyway when there are none, so the command still finds a schema', () => {
    expect(schemaCopiesNeedSync({ [SKIP_SCHEMA_COPIES_SYNC]: '1' }, root)).toBe(true);
  });
});
