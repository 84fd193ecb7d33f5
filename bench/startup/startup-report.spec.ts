import { median, startupTable } from './startup-report';
import type { StartupBenchResult } from './run-startup-bench';
import type { TimedStart } from './timed-start';

const run = (healthyMs: number, built?: number): TimedStart => ({
  healthyMs,
  marks: built === undefined ? {} : { built, databaseReady: built + 100 },
});

describe('startup report', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('judges each row by its median against its target and shows the app’s share after the build', () => {
    const result: StartupBenchResult = {
      install: 'test',
      freshClone: run(9_000, 6_000),
      npmStart: [run(2_000, 1_500), run(3_500, 1_600), run(2_500, 1_400)],
      nodeMain: [run(700), run(800), run(600)],
    };

    const lines = startupTable(result).split('\n');

    expect(lines[2]).toMatch(/fresh clone.*9\.00 s.*3\.00 s.*MISS \(< 8 s\)/);
    expect(lines[3]).toMatch(/`npm start`.*\| 2\.50 s .*1\.40 s.*1\.10 s.*PASS \(< 3 s\)/);
    expect(lines[4]).toMatch(/node dist\/main\.js.*\| 0\.70 s/);
  });
});
