import type { Measurement } from './measure-server';
import {
  beforeAfterTable,
  costTable,
  median,
  medians,
  pagesTable,
  ratioTable,
  ServerFigures,
  targetVerdicts,
  throughputRatio,
  variantRatio,
} from './pages-report';

const measurement = (requestsPerSecond: number, p99Ms = 20, peakRssMiB = 150): Measurement => ({
  requestsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  peakRssMiB,
  answers: requestsPerSecond * 8,
  failures: 0,
  failureDetail: '',
  bytesPerAnswer: 20_480,
});

const figures = (app: Measurement[], limit: Measurement[], peer: Measurement[]): ServerFigures[] => [
  { server: 'app', pageSize: 20, path: '/demo/posts', rounds: app },
  { server: 'limit', pageSize: 20, path: '/demo/posts', rounds: limit },
  { server: 'peer', pageSize: 20, path: '/demo/posts', rounds: peer },
];

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('medians', () => {
  it('keeps the largest peak RSS of the rounds rather than a middle one', () => {
    const m = medians({ server: 'app', pageSize: 20, path: '/', rounds: [measurement(100, 20, 120), measurement(110, 30, 180)] });
    expect(m?.peakRssMiB).toBe(180);
    expect(m?.requestsPerSecond).toBe(105);
  });
});

describe('targetVerdicts', () => {
  it('passes an app at 0.7× the limit, ahead of the peer, fast and small enough', () => {
    const verdicts = targetVerdicts(figures([measurement(700)], [measurement(1000)], [measurement(500)]), 32);
    expect(verdicts.every((v) => v.met)).toBe(true);
    expect(verdicts[0].value).toBe('0.70×');
  });

  it('misses each target the app misses, and names the value', () => {
    const verdicts = targetVerdicts(figures([measurement(400, 80, 250)], [measurement(1000)], [measurement(500)]), 32);
    expect(verdicts.map((v) => [v.met, v.value])).toEqual([
      [false, '0.40×'],
      [false, '0.80×'],
      [false, '80 ms'],
      [false, '250 MiB'],
    ]);
  });

  it('misses every target at a page size the app was not measured at', () => {
    const [app, limit, peer] = figures([], [measurement(1000)], [measurement(500)]);
    const verdicts = targetVerdicts([{ ...app, unavailable: 'no such page' }, limit, peer], 32);
    expect(verdicts.some((v) => v.met)).toBe(false);
    expect(verdicts[0].value).toBe('not measured');
  });
});

describe('throughputRatio', () => {
  it('divides the medians of app and reference', () => {
    expect(throughputRatio(figures([measurement(600), measurement(800)], [measurement(1000)], []), 'limit', 20)).toBeCloseTo(0.7);
  });
});

describe('pagesTable', () => {
  it('shows the median with the range of the rounds, and the app’s ratio to each reference', () => {
    const table = pagesTable(figures([measurement(600), measurement(800)], [measurement(1000)], [measurement(500)]));
    expect(table).toContain('| 700 (600–800)');
    expect(table).toMatch(/bare limit .*\| 0\.70× +\|/);
    expect(table).toMatch(/plain peer .*\| 1\.40× +\|/);
  });
});

describe('the cost of metrics and tracing', () => {
  const withVariants = (metrics: number, tracing: number): ServerFigures[] => [
    ...figures([measurement(1000)], [measurement(1400)], [measurement(500)]),
    { server: 'app-metrics', pageSize: 20, path: '/demo/posts', rounds: [measurement(metrics)] },
    { server: 'app-tracing', pageSize: 20, path: '/demo/posts', rounds: [measurement(tracing)] },
  ];

  it('divides each variant’s requests per second by the plain app’s of the same run', () => {
    expect(variantRatio(withVariants(970, 800), 'app-metrics', 20)).toBeCloseTo(0.97);
    expect(costTable(withVariants(970, 800))).toMatch(/\| 20 +\| 0\.97× +\| 0\.80× +\|/);
  });

  it('meets the metrics target at under 5 % of the throughput and misses it above, whatever tracing costs', () => {
    const target = (metrics: number) => targetVerdicts(withVariants(metrics, 500), 32).find((v) => v.label.includes('metrics on'));
    expect(target(960)).toMatchObject({ met: true, value: '0.96×' });
    expect(target(940)).toMatchObject({ met: false, value: '0.94×' });
  });
});

describe('the signed-in reader', () => {
  const withSignedIn = (signedIn: Measurement): ServerFigures[] => [
    ...figures([measurement(1000)], [measurement(2000)], [measurement(500)]),
    { server: 'app-signed-in', pageSize: 20, path: '/demo/posts', rounds: [signedIn] },
  ];
  const signedInVerdicts = (signedIn: Measurement) =>
    targetVerdicts(withSignedIn(signedIn), 32)
      .filter((v) => v.label.includes('signed in'))
      .map((v) => [v.met, v.value]);

  it('is divided by the signed-out app of the same run, beside the signed-out app ÷ each reference', () => {
    expect(ratioTable(withSignedIn(measurement(900)))).toMatch(/\| 20 +\| 0\.90× +\| 0\.50× +\| 2\.00× +\|/);
  });

  it('meets its targets at 0.85× the signed-out throughput with a p99 under 50 ms, and misses each one it falls short of', () => {
    expect(signedInVerdicts(measurement(850, 49))).toEqual([
      [true, '0.85×'],
      [true, '49 ms'],
    ]);
    expect(signedInVerdicts(measurement(840, 50))).toEqual([
      [false, '0.84×'],
      [false, '50 ms'],
    ]);
  });

  it('has no targets and shows “not measured” where it was not measured', () => {
    const signedOutOnly = figures([measurement(1000)], [measurement(2000)], [measurement(500)]);
    expect(targetVerdicts(signedOutOnly, 32).some((v) => v.label.includes('signed in'))).toBe(false);
    expect(ratioTable(signedOutOnly)).toMatch(/\| 20 +\| not measured +\| 0\.50× +\| 2\.00× +\|/);
  });
});

describe('the before/after table (--before)', () => {
  it('puts the other build beside this one, signed out and signed in, with this build ÷ the other', () => {
    const table = beforeAfterTable([
      { server: 'app', pageSize: 20, path: '/demo/posts', rounds: [measurement(600, 40, 180)] },
      { server: 'app-signed-in', pageSize: 20, path: '/demo/posts', rounds: [measurement(540, 45, 185)] },
      { server: 'before', pageSize: 20, path: '/demo/posts', rounds: [measurement(400, 120, 250)] },
      { server: 'before-signed-in', pageSize: 20, path: '/demo/posts', rounds: [measurement(300, 160, 260)] },
    ]);

    expect(table).toMatch(/\| signed out +\| 400 +\| 600 +\| 1\.50× +\|/);
    expect(table).toMatch(/\| signed in +\| 300 +\| 540 +\| 1\.80× +\|/);
    expect(table).toContain('120 → 40');
    expect(table).toContain('260 → 185');
  });

  it('is left out of a run without the other build', () => {
    expect(beforeAfterTable(figures([measurement(600)], [measurement(1200)], [measurement(300)]))).toBeNull();
  });
});
