import { parseVmRssKiB, PeakRssSampler } from './process-memory';

describe('parseVmRssKiB', () => {
  it('reads the resident set from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmRSS:\t  153600 kB\nRssAnon:\t  100000 kB\n';
    expect(parseVmRssKiB(status)).toBe(153600);
  });

  it('gives null for a process without memory (a zombie has no VmRSS line)', () => {
    expect(parseVmRssKiB('Name:\tnode\nState:\tZ (zombie)\n')).toBeNull();
  });
});

describe('PeakRssSampler', () => {
  it('reports this process’s own resident set, in MiB', async () => {
    const sampler = new PeakRssSampler(process.pid, 10);
    const peak = await sampler.stop();
    const now = process.memoryUsage().rss / 2 ** 20;
    expect(peak).toBeGreaterThan(now * 0.5);
    expect(peak).toBeLessThan(now * 2);
  });
});
