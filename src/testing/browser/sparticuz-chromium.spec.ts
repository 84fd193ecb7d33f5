import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { extractOnce } from './sparticuz-chromium';

describe('extracting the npm package Chromium once', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'extract-once-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // Writes the "binary" in two halves with a pause, as a slow inflate would.
  const slowExtract = (content: string) => async (stagingDir: string) => {
    await writeFile(join(stagingDir, 'chromium'), content.slice(0, 3));
    await sleep(50);
    await writeFile(join(stagingDir, 'chromium'), content);
  };

  it('gives two concurrent callers on a cold cache the same complete executable and leaves no staging folder', async () => {
    const cache = join(root, 'sparticuz-chromium-1.0.0');

    const paths = await Promise.all([
      extractOnce(cache, slowExtract('binary-of-caller-one')),
      extractOnce(cache, slowExtract('binary-of-caller-two')),
    ]);

    expect(paths).toEqual([join(cache, 'chromium'), join(cache, 'chromium')]);
    // One caller's copy, whole: never a mix and never a half-written file.
    expect(['binary-of-caller-one', 'binary-of-caller-two']).toContain(readFileSync(join(cache, 'chromium'), 'utf8'));
    expect(readdirSync(root)).toEqual(['sparticuz-chromium-1.0.0']);
  });

  it('does not extract again once the cache holds the executable', async () => {
    const cache = join(root, 'sparticuz-chromium-1.0.0');
    await extractOnce(cache, slowExtract('first'));
    const extract = jest.fn(slowExtract('second'));

    await extractOnce(cache, extract);

    expect(extract).not.toHaveBeenCalled();
    expect(readFileSync(join(cache, 'chromium'), 'utf8')).toBe('first');
  });

  it('leaves neither a cache nor a partial folder behind when extraction fails, so the next run starts clean', async () => {
    const cache = join(root, 'sparticuz-chromium-1.0.0');

    await expect(
      extractOnce(cache, async (stagingDir) => {
        await writeFile(join(stagingDir, 'chromium'), 'trunc');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');

    expect(readdirSync(root)).toEqual([]);
  });
});
