import { queriesSection, queriesTable, QUERIES_SECTION_HEADING, QueryRow } from './queries-report';

const row = (variant: QueryRow['variant'], listCpu: number, byIdCpu: number): QueryRow => ({
  variant,
  list: { cpuMs: listCpu, wallMs: listCpu * 2, planCacheHits: variant === 'prisma' ? 10 : 0 },
  byId: { cpuMs: byIdCpu, wallMs: byIdCpu * 2, planCacheHits: 0 },
});

describe('queriesTable', () => {
  it('states each way’s cost as a multiple of node-postgres alone', () => {
    const table = queriesTable([row('prisma', 0.8, 0.4), row('pg', 0.2, 0.1)]).replace(/ +/g, ' ');
    expect(table).toMatch(
      /Prisma 6\.19 with the plan cache \(the app\) \| 0\.800 \| 1\.600 \| 4\.0× \| 0\.400 \| 0\.800 \| 4\.0× \| 10 \/ 0/,
    );
    expect(table).toMatch(/node-postgres.*\| 1\.0× \|/);
  });

  it('shows no ratio when node-postgres was not measured', () => {
    expect(queriesTable([row('prisma', 0.8, 0.4)]).replace(/ +/g, ' ')).toContain('| — |');
  });
});

describe('queriesSection', () => {
  it('starts with its heading and names the date and the machine', () => {
    const section = queriesSection(
      [row('pg', 0.2, 0.1)],
      { cpu: 'Test CPU', cores: 2, memory: '1.0 GiB', node: 'v20', postgres: 'PostgreSQL 15' },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(section.split('\n')[0]).toBe(QUERIES_SECTION_HEADING);
    expect(section).toContain('Run on 2026-01-02: Test CPU, 2 cores, 1.0 GiB, Node v20, PostgreSQL 15.');
  });
});
