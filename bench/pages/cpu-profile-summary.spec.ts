import { CpuProfile, cpuProfileTable, summariseCpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

/** Samples 1 ms apart: render, render, query, idle, gc, render (a second copy of render in the same file), then the end. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('render', 'file:///app/dist/main.js', 9) },
    { id: 3, callFrame: frame('query', 'file:///app/node_modules/pg/lib/client.js', 41) },
    { id: 4, callFrame: frame('(idle)') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('render', 'file:///app/dist/main.js', 9) },
  ],
  startTime: 1_000_000,
  samples: [2, 2, 3, 4, 5, 6],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
  endTime: 1_007_000,
};

describe('summariseCpuProfile', () => {
  it('charges each sample’s interval to the function on top and groups copies of one function by name and file', () => {
    const summary = summariseCpuProfile(PROFILE);
    expect(summary.functions.map((row) => [row.functionName, row.location, row.selfMs])).toEqual([
      ['render', '/app/dist/main.js:10', 3],
      ['query', '/app/node_modules/pg/lib/client.js:42', 1],
      ['(idle)', '', 1],
      ['(garbage collector)', '', 1],
    ]);
    expect(summary.sampledMs).toBe(6);
    expect(summary.busyMs).toBe(5);
    expect(summary.functions[0].share).toBeCloseTo(0.6);
  });

  it('leaves out the samples of the start-up when asked to', () => {
    const summary = summariseCpuProfile(PROFILE, { skipFirstMs: 2.5 });
    expect(summary.functions.map((row) => [row.functionName, row.selfMs])).toEqual([
      ['query', 1],
      ['(idle)', 1],
      ['(garbage collector)', 1],
      ['render', 1],
    ]);
  });

  it('places bundled functions with the locator it is given', () => {
    const summary = summariseCpuProfile(PROFILE, { locate: (url, line) => ({ file: url.includes('dist') ? 'src/page.tsx' : url, line }) });
    expect(summary.functions[0].location).toBe('src/page.tsx:9');
  });
});

describe('cpuProfileTable', () => {
  it('lists the top functions with their self time and share of the busy time', () => {
    const table = cpuProfileTable(summariseCpuProfile(PROFILE), 2);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/\| 1 +\| 3 +\| 60\.0 % +\| render +\| \/app\/dist\/main\.js:10 +\|/);
  });
});
