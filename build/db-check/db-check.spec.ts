import { runDbChecks } from './db-check';
import type { DbCheck } from './db-check.types';

const passing: DbCheck = { name: 'the ERD is current', run: () => Promise.resolve([]) };
const failing: DbCheck = {
  name: 'migrations in step',
  run: () => Promise.resolve(['the schema changed; run npx prisma migrate dev --name <name>']),
};
const throwing: DbCheck = { name: 'the seeds run', run: () => Promise.reject(new Error('cannot reach the database')) };

describe('runDbChecks', () => {
  it('runs every check and collects the problems of all of them, logging each check that passed', async () => {
    const logged: string[] = [];

    const problems = await runDbChecks('/project', [failing, passing, throwing], (line) => logged.push(line));

    expect(problems).toEqual([
      'the schema changed; run npx prisma migrate dev --name <name>',
      'could not check that the seeds run: cannot reach the database',
    ]);
    expect(logged).toEqual(['db:check: ok, the ERD is current']);
  });

  it('finds no problem when every check passes', async () => {
    await expect(runDbChecks('/project', [passing, passing], () => undefined)).resolves.toEqual([]);
  });
});
