import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonCacheFile } from './json-cache-file';

// A write interrupted between writing the temporary file and renaming it (a
// crash, a full disk): the rename is made to fail on demand.
let mockFailRename = false;
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    renameSync: (...args: Parameters<typeof actual.renameSync>) => {
      if (mockFailRename) throw new Error('ENOSPC: no space left on device');
      return actual.renameSync(...args);
    },
  };
});

interface Verdict {
  inStep: boolean;
}
const isVerdict = (value: unknown): value is Verdict => typeof (value as Verdict | null)?.inStep === 'boolean';

describe('JsonCacheFile', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'json-cache-file-'));
    file = join(dir, 'nested', 'verdict.json');
  });
  afterEach(() => {
    mockFailRename = false;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, creating the folder', () => {
    const cache = new JsonCacheFile(file, 'v1', isVerdict);

    expect(cache.read()).toBeUndefined();
    expect(cache.write({ inStep: true })).toBe(true);
    expect(new JsonCacheFile(file, 'v1', isVerdict).read()).toEqual({ inStep: true });
  });

  it('ignores a corrupt file, and the next write rebuilds it', () => {
    const cache = new JsonCacheFile(file, 'v1', isVerdict);
    cache.write({ inStep: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('true', 'fals'));

    expect(cache.read()).toBeUndefined();
    cache.write({ inStep: false });
    expect(cache.read()).toEqual({ inStep: false });
  });

  it('ignores a body that was changed consistently but not through the cache (checksum)', () => {
    new JsonCacheFile(file, 'v1', isVerdict).write({ inStep: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('true', 'false'));

    expect(new JsonCacheFile(file, 'v1', isVerdict).read()).toBeUndefined();
  });

  it('ignores a file written under another version key', () => {
    new JsonCacheFile(file, 'v1', isVerdict).write({ inStep: true });

    expect(new JsonCacheFile(file, 'v2', isVerdict).read()).toBeUndefined();
  });

  it('ignores a value of the wrong shape', () => {
    new JsonCacheFile<unknown>(file, 'v1').write({ inStep: 'yes' });

    expect(new JsonCacheFile(file, 'v1', isVerdict).read()).toBeUndefined();
  });

  it('never reads a cut-off file as valid, whatever length the write reached', () => {
    new JsonCacheFile(file, 'v1', isVerdict).write({ inStep: true });
    const whole = readFileSync(file, 'utf8');

    for (let length = 0; length < whole.length; length++) {
      writeFileSync(file, whole.slice(0, length));
      expect(`${length}: ${JSON.stringify(new JsonCacheFile(file, 'v1', isVerdict).read())}`).toBe(`${length}: undefined`);
    }
  });

  it('leaves the previous file intact, and no temporary file, when a write is interrupted before its rename', () => {
    const cache = new JsonCacheFile(file, 'v1', isVerdict);
    cache.write({ inStep: true });
    mockFailRename = true;

    expect(cache.write({ inStep: false })).toBe(false);
    expect(cache.read()).toEqual({ inStep: true });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['verdict.json']);
  });
});
