import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureAppInstance, type FixtureAppInstanceOptions } from './fixture-app-instance';

/**
 * The app instances (child processes) and hold files one test made, so
 * `killAll` in `afterEach` (or `afterAll`) leaves none behind whatever the
 * test did: no process, no log directory, no hold file under the temp
 * directory. Hold files serve the fixture's FIXTURE_HOLD_FILE knob
 * (src/testing/fixture-component/fixture-hold.ts).
 */
export class AppInstances {
  private readonly started: FixtureAppInstance[] = [];
  private readonly holdDirs: string[] = [];

  async start(options: FixtureAppInstanceOptions): Promise<FixtureAppInstance> {
    const instance = await FixtureAppInstance.start(options);
    this.started.push(instance);
    return instance;
  }

  /** A file that does not exist yet: an instance started with `FIXTURE_HOLD_FILE` set to it holds its runs until `release()` creates it. */
  holdFile(): { path: string; release(): void } {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-hold-'));
    this.holdDirs.push(dir);
    const path = join(dir, 'release');
    return { path, release: () => writeFileSync(path, 'released\n') };
  }

  /** Kills every instance still running (whether or not it died already) and removes their logs and the hold files. */
  async killAll(): Promise<void> {
    // Instances first: a held instance polls its hold file until it is killed.
    await Promise.all(this.started.splice(0).map((instance) => instance.dispose()));
    for (const dir of this.holdDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
