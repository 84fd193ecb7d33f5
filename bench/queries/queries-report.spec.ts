import { FastPathRow, fastPathTable, queriesSection, queriesTable, QUERIES_SECTION_HEADING, QueryRow } from './queries-report';

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

const path = (
  name: FastPathRow['path'],
  listCpu: number,
  listStatements: number,
  sessionStatements: number,
  sessionStatementsConcurrent = sessionStatements,
): FastPathRow => ({
  path: name,
  list: { cpuMs: listCpu, wallMs: listCpu * 2, statements: listStatements, statementsConcurrent: listStatements },
  session: { cpuMs: listCpu / 2, wallMs: listCpu, statements: sessionStatements, statementsConcurrent: sessionStatementsConcurrent },
});

describe('fastPathTable', () => {
  it('puts each candidate’s CPU, wall time and statements per call side by side, as a multiple of node-postgres', () => {
    const table = fastPathTable([path('prisma', 0.9, 3, 2), path('kysely', 0.4, 2, 1), path('pg', 0.2, 2, 1)]).replace(/ +/g, ' ');
    expect(table).toMatch(/Prisma 6\.19.*\| 0\.900 \| 1\.800 \| 3 \| 4\.5× \| 0\.450 \| 0\.900 \| 2 \| 4\.5× \|/);
    expect(table).toMatch(/Kysely.*\| 0\.400 \| 0\.800 \| 2 \| 2\.0× \|/);
  });

  it('adds the statements per call 8 at a time where batching made them fewer than alone', () => {
    expect(fastPathTable([path('prisma', 0.9, 3, 2, 0.25)]).replace(/ +/g, ' ')).toContain('| 2 (0.25 at 8) |');
  });
});

describe('queriesSection', () => {
  it('starts with its heading and names the date and the machine', () => {
    const section = queriesSection(
      [row('pg', 0.2, 0.1)],
      [path('pg', 0.2, 2, 1)],
      { cpu: 'Test CPU', cores: 2, memory: '1.0 GiB', node: 'v20', postgres: 'PostgreSQL 15' },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(section.split('\n')[0]).toBe(QUERIES_SECTION_HEADING);
    expect(section).toContain('Run on 2026-01-02: Test CPU, 2 cores, 1.0 GiB, Node v20, PostgreSQL 15.');
  });
});
