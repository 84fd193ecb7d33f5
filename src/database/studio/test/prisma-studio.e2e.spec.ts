import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../testing/browser/launch-browser';
import { findFreePort } from '../../embedded/free-port';
import { FixtureProject, RunningCli } from '../../provisioning/test/fixture-project';

// `npx prisma studio` on the embedded database, offline: the CLI starts the
// cluster for as long as Studio runs (the app is not running), Studio's
// client runs on the WebAssembly query engine (no native engine is ever
// downloaded), and a real browser reads and edits a row of a component's
// model. A fixture project of its own (model FixtureNote) keeps the app's
// and the tests' data out of it.

/** Whether a process with that pid is still there (signal 0 only asks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('npx prisma studio on the embedded database', () => {
  const project = FixtureProject.create();
  let studio: RunningCli | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let studioUrl: string;

  beforeAll(async () => {
    const deploy = await project.prisma('migrate', 'deploy');
    if (deploy.code !== 0) throw new Error(`migrate deploy failed:\n${deploy.output}`);
    await project.query(`INSERT INTO "FixtureNote" (title) VALUES ('seeded before Studio started')`);
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.stop('SIGKILL');
    // A cluster this test left running (a failed step) is adopted and stopped here.
    if (project.clusterIsRunning()) await (await project.startCluster()).stop();
    project.remove();
  }, 120_000);

  it('starts the embedded cluster for as long as it runs, and says so', async () => {
    const port = await findFreePort();
    studio = project.startPrisma('studio', '--browser', 'none', '--port', String(port));

    const [, url] = await studio.waitFor(/Prisma Studio is up on (http:\/\/localhost:\d+)/);
    studioUrl = url;

    expect(studio.output).toMatch(/embedded PostgreSQL: started on 127\.0\.0\.1:\d+ for this command; it stops when the command ends/);
    expect(project.clusterIsRunning()).toBe(true);
  }, 120_000);

  it("shows the rows of a component's model in the browser", async () => {
    await page.goto(studioUrl);
    await page.getByText('FixtureNote', { exact: true }).first().click();

    await expect(page.getByText('seeded before Studio started', { exact: true }).waitFor()).resolves.toBeUndefined();
    expect(studio!.output).not.toMatch(/Unable to require|invalid ELF header|Unable to run script/);
  }, 120_000);

  it('saves an edit made in the browser to the database', async () => {
    await page.getByText('seeded before Studio started', { exact: true }).dblclick();
    // The cell's editor opens after the double click, not with it: wait for it to
    // have the focus, then replace its text (select-all pressed before it had the
    // focus selected the page, and the typing was appended to the old title).
    const editor = page.locator('input:focus, textarea:focus');
    await editor.fill('edited in Studio');
    await editor.press('Enter');
    await page.getByRole('button', { name: /Save 1 change/ }).click();
    await page.getByRole('button', { name: /Save 1 change/ }).waitFor({ state: 'detached' });

    const rows = await project.query<{ title: string }>(`SELECT title FROM "FixtureNote"`);
    expect(rows).toEqual([{ title: 'edited in Studio' }]);
  }, 120_000);

  it('stopped with SIGTERM, as an editor or a test runner stops it, it stops the cluster too and leaves no process behind', async () => {
    const pid = studio!.pid;

    const ended = await studio!.stop('SIGTERM');

    expect(ended).toBe(143);
    expect(isAlive(pid)).toBe(false);
    expect(project.clusterIsRunning()).toBe(false);
  }, 120_000);
});
