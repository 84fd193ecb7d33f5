import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureAppInstance, type FixtureAppInstanceOptions } from '../../../../testing/process/fixture-app-instance';

/**
 * The app instances (child processes) one test started, so `killAll` in
 * `afterEach` leaves none behind whatever the test did; and hold files for
 * the fixture's FIXTURE_HOLD_FILE knob (src/testing/fixture-component/fixture-hold.ts).
 */
export class AppInstances {
  private readonly started: FixtureAppInstance[] = [];

  async start(options: FixtureAppInstanceOptions): Promise<FixtureAppInstance> {
    const instance = await FixtureAppInstance.start(options);
    this.started.push(instance);
    return instance;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.started.splice(0).map((instance) => instance.kill()));
  }
}

/** A file that does not exist yet: an instance started with `FIXTURE_HOLD_FILE` set to it holds its runs until `release()` creates it. */
export function holdFile(): { path: string; release(): void } {
  const path = join(mkdtempSync(join(tmpdir(), 'fixture-hold-')), 'release');
  return { path, release: () => writeFileSync(path, 'released\n') };
}
