import {
  median,
  outliers,
  percentile,
  Round,
  roundOrder,
  SIGN_IN_KINDS,
  SIGN_IN_SECTION_HEADING,
  signInSection,
  signInTable,
  summarise,
  verdictLine,
} from './sign-in-timing-report';

const round = (wrongPassword: number, unknownEmail: number, placeholder: number, deleted: number): Round => ({
  wrongPassword,
  unknownEmail,
  placeholder,
  deleted,
});

describe('roundOrder', () => {
  it('rotates the kinds by one place per round, so each goes first once in every four rounds', () => {
    expect(roundOrder(0)).toEqual(['wrongPassword', 'unknownEmail', 'placeholder', 'deleted']);
    expect(roundOrder(1)).toEqual(['unknownEmail', 'placeholder', 'deleted', 'wrongPassword']);
    expect(roundOrder(5)).toEqual(roundOrder(1));
    expect([0, 1, 2, 3].map((r) => roundOrder(r)[0]).sort()).toEqual([...SIGN_IN_KINDS].sort());
  });
});

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the input order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between ranks for the 90th percentile and refuses an empty list', () => {
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 0.9)).toBe(100);
    expect(percentile([1, 2], 0.9)).toBeCloseTo(1.9);
    expect(() => percentile([], 0.5)).toThrow('no values');
  });
});

describe('summarise', () => {
  it('compares each kind with the wrong password of its own round, so a slow round moves no ratio', () => {
    // The second round is three times slower for every kind (a burst of load): the ratios stay put.
    const figures = summarise([round(100, 50, 100, 110), round(300, 150, 300, 330), round(100, 50, 100, 110)]);

    expect(figures.map((row) => [row.kind, row.ratio])).toEqual([
      ['wrongPassword', 1],
      ['unknownEmail', 0.5],
      ['placeholder', 1],
      ['deleted', 1.1],
    ]);
    expect(figures[0].medianMs).toBe(100);
    expect(figures[0].p90Ms).toBe(260);
  });

  it('refuses to summarise no rounds', () => {
    expect(() => summarise([])).toThrow('no rounds');
  });
});

describe('verdictLine', () => {
  it('says the answers take the same time when every median ratio is within 0.85 to 1.15, the bounds included', () => {
    const figures = summarise([round(100, 85, 115, 100)]);

    expect(outliers(figures)).toEqual([]);
    expect(verdictLine(figures)).toBe('the answers take the same time within the noise (every median ratio within 0.85–1.15)');
  });

  it('names each kind outside the band, faster or slower, and never the reference itself', () => {
    const line = verdictLine(summarise([round(100, 84, 100, 116)]));

    expect(line).toMatch(/^outside 0\.85–1\.15: unknown email 0\.84 \(faster\), deleted account 1\.16 \(slower\); /);
    expect(line).not.toContain('placeholder');
    expect(line).not.toContain('wrong password,');
  });
});

describe('the table and the docs section', () => {
  const rounds = [round(100, 98, 101, 99), round(110, 108, 112, 111)];

  it('shows per kind the median, the p90 and the median ratio, with the wrong password as the reference', () => {
    const lines = signInTable(summarise(rounds)).split('\n');

    expect(lines[0]).toMatch(/sign-in with +\| median +\| p90 +\| median ratio to wrong password +\| ratio p10–p90/);
    expect(lines[2]).toMatch(/^\| wrong password, real account +\| 105\.0 ms \| 109\.0 ms \| 1 \(the reference\) +\| – +\|$/);
    expect(lines[3]).toMatch(/^\| unknown email +\| 103\.0 ms \| 107\.0 ms \| 0\.98 +\| 0\.98–0\.98 +\|$/);
    expect(lines).toHaveLength(6);
  });

  it('starts with its heading and gives the date, the machine and its load, the table and the verdict', () => {
    const section = signInSection({
      rounds,
      warmupRounds: 3,
      date: new Date('2026-12-07T03:00:00Z'),
      host: { cpu: 'Test CPU', cores: 2, memory: '4.0 GiB', node: 'v20.0.0' },
      postgres: 'PostgreSQL 15.18',
      loadAverage: { start: 5.2, end: 4.8 },
    });
    const lines = section.split('\n');

    expect(lines[0]).toBe(SIGN_IN_SECTION_HEADING);
    expect(section).toContain('Run on 2026-12-07: Test CPU, 2 cores, 4.0 GiB, Node v20.0.0, PostgreSQL 15.18.');
    expect(section).toContain(
      '1-minute load average 5.20 when the rounds began, 4.80 when they ended: the machine was shared with other work',
    );
    expect(section).toContain('2 rounds after 3 untimed');
    expect(section).toContain(signInTable(summarise(rounds)));
    expect(lines).toContain('Verdict: the answers take the same time within the noise (every median ratio within 0.85–1.15).');
  });

  it('does not call a quiet machine shared', () => {
    const section = signInSection({
      rounds,
      warmupRounds: 0,
      date: new Date('2026-12-07T03:00:00Z'),
      host: { cpu: 'Test CPU', cores: 2, memory: '4.0 GiB', node: 'v20.0.0' },
      postgres: 'PostgreSQL 15.18',
      loadAverage: { start: 0.3, end: 0.6 },
    });

    const loadLine = section.split('\n').find((line) => line.startsWith('1-minute load average'));
    expect(loadLine).toBe('1-minute load average 0.30 when the rounds began, 0.60 when they ended.');
  });
});
