import { LOAD_SECTION_HEADING, loadSection, replaceSection, scenarioDetails, summaryTable } from './load-report';
import type { ScenarioResult } from './scenario-result';

const steady: ScenarioResult = {
  name: 'steady',
  outcome: 'passed',
  figures: {
    connections: 64,
    seconds: 30.2,
    requestsPerSecond: 812.4,
    p50Ms: 71,
    p99Ms: 240.6,
    statuses: '200: 12,000 · 303: 12,000',
    unanswered: '0',
    posts: { acknowledged: 12_000, stored: 12_000, unknown: { sent: 0, stored: 0 } },
  },
  checks: [{ label: 'no lost writes', ok: true, detail: '12,000 acknowledged, 12,000 stored' }],
  notes: ['server connections: at most 10'],
};
const skipped: ScenarioResult = {
  name: 'pgbouncer',
  outcome: 'skipped',
  checks: [{ label: 'PgBouncer installed', ok: false, detail: 'run apt-get install pgbouncer' }],
  notes: [],
};

describe('summaryTable', () => {
  it('has one row per scenario with its figures, and an empty row for one that did not run', () => {
    const table = summaryTable([steady, skipped]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(
      /^\| steady +\| 64 conn × 30 s \| 812 +\| 71 \/ 241 ms \| 200: 12,000 · 303: 12,000 \| 0 +\| 12,000 \/ 12,000 +\| 0 +\| PASSED +\|$/,
    );
    expect(table[3]).toMatch(/^\| pgbouncer +\|.*\| SKIPPED \|$/);
  });
});

describe('scenarioDetails', () => {
  it('lists every check with PASS or FAIL, then the notes', () => {
    expect(scenarioDetails({ ...steady, checks: [...steady.checks, { label: 'exit code', ok: false, detail: '1' }] })).toBe(
      [
        '**steady**: passed',
        '',
        '- PASS no lost writes: 12,000 acknowledged, 12,000 stored',
        '- FAIL exit code: 1',
        '- server connections: at most 10',
      ].join('\n'),
    );
  });

  it('indents the further lines of a detail, so they stay inside their list item', () => {
    const failed: ScenarioResult = {
      name: 'pgbouncer',
      outcome: 'failed',
      checks: [{ label: 'ran', ok: false, detail: 'exited:\nlast line' }],
      notes: [],
    };
    expect(scenarioDetails(failed)).toBe('**pgbouncer**: failed\n\n- FAIL ran: exited:\n  last line');
  });
});

describe('loadSection', () => {
  it('starts with the section heading and names the date and the machine', () => {
    const section = loadSection(
      [steady],
      { cpu: 'Test CPU', cores: 2, memory: '4.0 GiB', node: 'v20.0.0', postgres: 'PostgreSQL 15.18' },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(section.startsWith(`${LOAD_SECTION_HEADING}\n`)).toBe(true);
    expect(section).toContain('Run on 2026-11-23: Test CPU, 2 cores, 4.0 GiB, Node v20.0.0, PostgreSQL 15.18.');
  });
});

describe('replaceSection', () => {
  const heading = '## Load';

  it('replaces the section up to the next level-2 heading and keeps the rest byte for byte', () => {
    const document = '# Title\n\n## Before\ntext\n\n## Load\nold\n### kept inside\nold too\n\n## After\nrest\n';
    expect(replaceSection(document, heading, '## Load\nnew\n')).toBe('# Title\n\n## Before\ntext\n\n## Load\nnew\n\n## After\nrest\n');
  });

  it('replaces a section at the end of the document', () => {
    expect(replaceSection('# Title\n\n## Load\nold\n', heading, '## Load\nnew')).toBe('# Title\n\n## Load\nnew\n');
  });

  it('appends the section after a blank line when the document has none', () => {
    expect(replaceSection('# Title\ntext\n', heading, '## Load\nnew\n')).toBe('# Title\ntext\n\n## Load\nnew\n');
  });
});
