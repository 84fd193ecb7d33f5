import { appendFileSync, rmSync } from 'node:fs';
import { CommandRun, ProjectCopy, RunningServer } from '../../component-scaffold/test/project-copy';

// `npm run dev` in a temporary copy of the project, as an author deletes a
// component whose table a migration created: one rebuild, one restart and one
// reminder, which says the table is still in the database and names the
// migration that drops it. The steps share one copy and one dev server, in order.

const STEP_TIMEOUT = 300_000;
const HANG = 120_000;
const HEADER = '[dev] schema changed since the last migration: run npx prisma migrate dev --name ';
const REMINDER = `${HEADER}remove_books`;
const EDITED = 'edited after the component was deleted';
const STILL_THERE = '[dev] the database still has table BooksItem (and its data) until that migration drops it';

describe('npm run dev after a component folder is deleted, in a temporary copy of the project', () => {
  let copy: ProjectCopy;
  let dev: RunningServer | undefined;

  beforeAll(async () => {
    copy = ProjectCopy.create({ freeIds: ['books'] });
    await succeed('npm run component:new -- books');
    await succeed('npx prisma migrate dev --name add_books');
    dev = await copy.start('npm run dev', STEP_TIMEOUT - 10_000);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await dev?.stop();
    await copy?.dispose();
  });

  async function succeed(command: string): Promise<CommandRun> {
    const run = await copy.run(command, STEP_TIMEOUT - 10_000);
    if (run.code !== 0) throw new Error(`${command} exited with ${run.code} in the copy:\n${run.output}`);
    return run;
  }

  /** The dev server's output since it started, line by line: `npm run dev` lines and the restarted servers'. */
  const lines = () =>
    dev!
      .output()
      .split('\n')
      .map((line) => line.trim());
  const count = (line: string) => lines().filter((printed) => printed === line).length;
  const headers = (after = 0) => lines().filter((line, index) => index >= after && line.startsWith(HEADER)).length;

  /** Checks every 200 ms until `done` holds; after `HANG` ms (a hang, not a slow machine), fails with the output so far. */
  async function until(what: string, done: () => boolean): Promise<void> {
    const started = Date.now();
    while (!done()) {
      if (Date.now() - started > HANG) throw new Error(`npm run dev: no ${what} after ${HANG} ms:\n${dev!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it(
    'rebuilds and restarts once, and says once that the table is still there and which migration drops it',
    async () => {
      rmSync(copy.path('src/components/books'), { recursive: true });
      await until('migration reminder', () => headers() >= 1);
      // An edit after the reminder, whose server says so: once it restarted
      // and its reminder followed, every rebuild the deletion caused is over.
      // A second one (started by the generated files the first rewrote) would
      // have begun as soon as the watcher resumed, before the reminder above,
      // and shows as one restart and one reminder more.
      appendFileSync(copy.path('src/main.ts'), `\nconsole.log('${EDITED}');\n`);
      await until('reminder after the edit', () => {
        // The reminder follows the restart, and the restarted server prints its line whenever it gets there.
        const all = lines();
        const edited = all.indexOf(EDITED);
        return edited >= 0 && headers(all.lastIndexOf('Restarting app...', edited)) >= 1;
      });

      expect(count('Restarting app...')).toBe(2);
      expect(headers()).toBe(2);
      const output = lines().join('\n');
      expect(output).toContain(`${REMINDER}\n[dev]   [-] Removed tables\n[dev]     - BooksItem\n${STILL_THERE}\n`);
      expect(output).not.toContain('the database does not have them');
    },
    STEP_TIMEOUT,
  );
});
