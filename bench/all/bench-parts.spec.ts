import { BENCH_PARTS, selectParts, summaryLines } from './bench-parts';

describe('selectParts', () => {
  it('runs every part when none is named', () => {
    expect(selectParts([])).toEqual(BENCH_PARTS);
  });

  it('runs only the named parts, in the usual order, with spaces in names written as dashes', () => {
    expect(selectParts(['test-setup', 'pages']).map((part) => part.name)).toEqual(['pages', 'test setup']);
    expect(selectParts(['sign-in']).map((part) => part.script)).toEqual(['bench:sign-in']);
  });

  it('refuses an unknown part, listing the ones there are', () => {
    expect(() => selectParts(['page'])).toThrow(
      'no bench part named "page"; the parts are pages, queries, build, startup, test-setup, sign-in, events',
    );
  });
});

describe('summaryLines', () => {
  const [pages, queries, build] = BENCH_PARTS;

  it('says which parts ran, failed or were stopped, and the total time', () => {
    const lines = summaryLines([
      { part: pages, ms: 100_000, exitCode: 0, timedOut: false },
      { part: queries, ms: 30_000, exitCode: 1, timedOut: false },
      { part: build, ms: 240_000, exitCode: null, timedOut: true },
    ]);
    expect(lines[0]).toMatch(/^pages +100 s {2}done/);
    expect(lines[1]).toMatch(/^queries +30 s {2}FAILED \(exit 1\)/);
    expect(lines[2]).toMatch(/^build +240 s {2}STOPPED after 240 s/);
    expect(lines[3]).toMatch(/^total +370 s$/);
  });
});
