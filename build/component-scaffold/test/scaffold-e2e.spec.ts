import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CookieClient } from '../../../src/testing/http/cookie-client';
import { CommandRun, ProjectCopy, repoRoot, RunningServer } from './project-copy';
import { applyHunks, readTutorialSteps } from './tutorial-steps';

// The scaffolder end to end, as a newcomer meets it, in one temporary copy of
// the project: `library` scaffolded and migrated by hand, then every step of
// docs/guides/tutorial.md (which scaffolds, edits, migrates and tests
// `reading-list`, the library's generated tests in the same run, then starts
// the app), then both pages over HTTP. The steps share one copy, in order, because
// each command costs seconds (see the timings printed at the end): a failing
// step makes the later ones fail too.

const TUTORIAL = 'docs/guides/tutorial.md';
const STEP_TIMEOUT = 240_000;
// The tutorial's steps run in one test, and each command has STEP_TIMEOUT of its own.
const TUTORIAL_TIMEOUT = 4 * STEP_TIMEOUT;

// The library's generated tests run in the tutorial's own `npm test`, its
// folder added to the command, instead of in a second `npm test`: each one in
// the copy pays for Jest's start, the global setup and a start of the copy's
// PostgreSQL (docs/performance.md, "Test suite"). What the tutorial's command
// must run is checked file by file, so the added folder cannot hide a wrong path.
const LIBRARY_TESTS = 'src/components/library';
const TUTORIAL_TESTS = /^npm test -- (src\/components\/[\w-]+)$/;

describe('a scaffolded component and the tutorial, in a temporary copy of the project', () => {
  let copy: ProjectCopy;
  let server: RunningServer | undefined;
  /** The tutorial's `npm test`, with the library's folder added: what it ran and said. */
  let testRun: { folders: string[]; output: string } | undefined;
  const timings: string[] = [];
  const started = performance.now();

  beforeAll(() => {
    copy = ProjectCopy.create({ freeIds: ['library', 'reading-list'] });
  });

  afterAll(async () => {
    await server?.stop();
    await copy?.dispose();
    timings.push(`total ${seconds(performance.now() - started)}`);
    console.log(`scaffold end-to-end timings:\n  ${timings.join('\n  ')}`);
  });

  async function run(command: string): Promise<CommandRun> {
    const result = await copy.run(command, STEP_TIMEOUT - 10_000);
    timings.push(`${command}: ${seconds(result.ms)}`);
    if (result.code !== 0) throw new Error(`${command} exited with ${result.code} in the copy:\n${result.output}`);
    return result;
  }

  it(
    'npm run component:new -- library creates the component and names the migration to run',
    async () => {
      const { output } = await run('npm run component:new -- library');

      expect(output).toContain('created src/components/library/: "Library" at /library, model LibraryItem');
      expect(output).toContain('npx prisma migrate dev --name add_library');
      expect(existsSync(copy.path('src/components/library/prisma/schema.prisma'))).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'npx prisma migrate dev --name add_library writes a migration that creates the LibraryItem table',
    async () => {
      await run('npx prisma migrate dev --name add_library');

      const folder = readdirSync(copy.path('prisma/migrations')).find((name) => name.endsWith('_add_library'));
      expect(folder).toBeDefined();
      expect(copy.read(`prisma/migrations/${folder}/migration.sql`)).toContain('CREATE TABLE "LibraryItem"');
    },
    STEP_TIMEOUT,
  );

  it(
    'the tutorial’s steps run as written: scaffold, edit, migrate, test, start',
    async () => {
      const steps = readTutorialSteps(readFileSync(join(repoRoot, TUTORIAL), 'utf8'), TUTORIAL);
      expect(steps.map((step) => step.kind)).toContain('server');

      for (const step of steps) {
        if (step.kind === 'commands') {
          for (const command of step.commands) {
            const tests = TUTORIAL_TESTS.exec(command);
            if (!tests) await run(command);
            else testRun = { folders: [tests[1], LIBRARY_TESTS], output: (await run(`${command} ${LIBRARY_TESTS}`)).output };
          }
        } else if (step.kind === 'edit') {
          copy.write(step.path, applyHunks(copy.read(step.path), step.hunks, `${TUTORIAL}:${step.line} ${step.path}`));
        } else {
          const at = performance.now();
          server = await copy.start(step.command, STEP_TIMEOUT - 10_000);
          timings.push(`${step.command} (until listening): ${seconds(performance.now() - at)}`);
        }
      }
    },
    TUTORIAL_TIMEOUT,
  );

  it('the started app serves the tutorial’s page with the new field, and a book added through the form shows its author', async () => {
    const browser = new CookieClient(server!.baseUrl);
    const page = await browser.get('/reading-list');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/<label [^>]*for="author"[^>]*>Author \(optional\)<\/label>/);

    const added = await browser.postForm('/reading-list', { _csrf: CookieClient.csrfTokenIn(html), name: 'Dune', author: 'Frank Herbert' });
    const next = await (await browser.get('/reading-list')).text();

    expect(added.status).toBe(303);
    expect(next).toContain('Added “Dune”.');
    expect(next).toContain('by Frank Herbert');
  });

  it('the home page and the navigation list both new components after the existing ones, and /library answers', async () => {
    const browser = new CookieClient(server!.baseUrl);
    const home = await (await browser.get('/')).text();
    const library = await browser.get('/library');

    const nav = home.match(/<nav [^>]*aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
    const links = [...nav.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(links.slice(-2)).toEqual(['/library', '/reading-list']);
    // The existing entries stay, the home page's first (whichever other components the project has).
    expect(links[0]).toBe('/');
    expect(home).toContain('href="/library"');
    expect(library.status).toBe(200);
    expect(await library.text()).toMatch(/<h1[^>]*>Library<\/h1>/);
  });

  it('the tutorial’s npm test ran every test file of its component, and the library’s generated tests passed in the same run', () => {
    const passed = [...(testRun?.output ?? '').matchAll(/^PASS (\S+)/gm)].map((match) => match[1]).sort();
    const specFiles = (folder: string) =>
      readdirSync(copy.path(folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.spec\.tsx?$/.test(file))
        .map((file) => `${folder}/${file}`);

    expect(testRun?.folders).toEqual(['src/components/reading-list', LIBRARY_TESTS]);
    expect(testRun?.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    // Unit tests, the service against PostgreSQL, the routes over HTTP: the scaffold writes all three.
    expect(passed).toEqual(
      expect.arrayContaining([`${LIBRARY_TESTS}/test/library-routes.spec.ts`, `${LIBRARY_TESTS}/test/component.service.spec.ts`]),
    );
    expect(passed).toEqual(testRun!.folders.flatMap(specFiles).sort());
  });

  it('every path the tutorial names exists after its steps, in the project or in the component’s folder', () => {
    const markdown = readFileSync(join(repoRoot, TUTORIAL), 'utf8');
    const paths = [...markdown.matchAll(/`([\w.-]+\/[^`\s]*|[\w.-]+\.(?:tsx?|prisma|md))`/g)].map((match) => match[1].replace(/\/$/, ''));
    const exists = (path: string) => existsSync(copy.path(path)) || existsSync(copy.path('src/components/reading-list', path));

    expect(paths).toEqual(expect.arrayContaining(['src/components/reading-list', 'ui/ReadingListListPage.tsx', 'prisma/migrations']));
    expect(paths.filter((path) => !exists(path))).toEqual([]);
  });
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
