import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runCommand } from '../../../src/database/process/run-command';
import { componentNew } from '../component-new';
import { writeComponent } from '../write-component';

const repoRoot = resolve(__dirname, '../../..');

/**
 * A component of the test's own beside the real accounts and system: posts,
 * which depends on accounts and declares PostsPost. Not the demo, so the
 * test passes with the demo deleted.
 */
const POSTS_COMPONENT: Record<string, string> = {
  'component.meta.ts': `import { defineComponent } from '../../surface';

export default defineComponent({
  id: 'posts',
  title: 'Posts',
  description: 'Posts by signed-in authors.',
  routes: [{ path: '/posts', isPrimary: true }],
  nav: { label: 'Posts', order: 10 },
  dependsOn: ['accounts'],
});
`,
  'prisma/schema.prisma': 'model PostsPost {\n  id String @id @db.Uuid\n}\n',
};

/** A project with the real accounts and system components, the test's posts, and nothing else the scaffolder reads. */
function temporaryProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'component-new-'));
  for (const id of ['accounts', 'system'])
    cpSync(join(repoRoot, 'src', 'components', id), join(root, 'src', 'components', id), { recursive: true });
  for (const [file, content] of Object.entries(POSTS_COMPONENT)) {
    mkdirSync(join(root, 'src', 'components', 'posts', file, '..'), { recursive: true });
    writeFileSync(join(root, 'src', 'components', 'posts', file), content);
  }
  for (const file of ['.prettierrc.json', '.editorconfig']) cpSync(join(repoRoot, file), join(root, file));
  return root;
}

/** Every file under `root` with its content: the tree a refusal must leave as it was. */
function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  visit(root);
  return files;
}

async function run(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await componentNew(args, root, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('npm run component:new against a temporary project', () => {
  let root: string;

  beforeEach(() => {
    root = temporaryProject();
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    [['Library'], /^component:new: "Library" is not a valid component id; /],
    [['posts'], /^component:new: src\/components\/posts already exists; /],
    [['health'], /^component:new: "health" is reserved: GET \/health is the platform’s health check; choose another id$/],
    [
      ['posts-post'],
      /^component:new: the model prefix of "posts-post" is "PostsPost", but src\/components\/posts\/prisma\/schema.prisma already declares "PostsPost"/,
    ],
    [
      ['library', '--depends-on', 'blog'],
      /^component:new: --depends-on "blog": there is no src\/components\/blog; use an existing component \(accounts, posts, system\)$/,
    ],
    [['library', '--flat'], /^component:new: unknown option "--flat"; /],
  ])('refuses %j with one line and exit code 1, and writes nothing', async (args, message) => {
    const before = tree(root);

    const result = await run(root, ...args);

    expect(result).toEqual({ code: 1, out: [], err: [expect.stringMatching(message)] });
    expect(tree(root)).toEqual(before);
  });

  it('creates nothing when the staging folder cannot be made, and says so', async () => {
    // A file where the staging folder goes.
    writeFileSync(join(root, '.data'), 'not a folder');
    const before = tree(root);

    const result = await run(root, 'library');

    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      expect.stringMatching(
        /^component:new: could not write src\/components\/library \(.+\); nothing was created, fix the cause and run the command again$/,
      ),
    ]);
    expect(tree(root)).toEqual(before);
  });

  it('leaves neither the component nor the staging folder when a step after the first files fails', async () => {
    const target = join(root, 'src', 'components', 'library');
    const failingFormat = () => Promise.reject(new Error('prettier exited with 2'));

    await expect(
      writeComponent(
        root,
        target,
        new Map([
          ['a.ts', 'x'],
          ['ui/b.tsx', 'y'],
        ]),
        failingFormat,
      ),
    ).rejects.toThrow('prettier exited with 2');

    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(root, '.data', 'component-new'))).toEqual([]);
  });

  it('creates the component, with its navigation entry after the others and its dependencies, and names the next steps', async () => {
    const result = await run(root, 'reading-list', '--depends-on', 'posts');
    const folder = join(root, 'src', 'components', 'reading-list');

    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(
      'created src/components/reading-list/: "Reading list" at /reading-list, model ReadingListItem, navigation order 20',
    );
    expect(result.out.slice(result.out.indexOf('next:'))).toEqual([
      'next:',
      '  npx prisma migrate dev --name add_reading_list  creates the ReadingListItem table',
      '  npm run dev                                     then open http://127.0.0.1:3000/reading-list',
      '  npm test -- src/components/reading-list         runs its tests',
    ]);
    expect(Object.keys(tree(folder)).sort()).toEqual([
      'component.controller.tsx',
      'component.meta.ts',
      'component.module.ts',
      'component.service.ts',
      'component.types.ts',
      'index.ts',
      'item-form.spec.ts',
      'item-form.ts',
      'item-view.ts',
      'prisma/schema.prisma',
      'prisma/seed.ts',
      'test/component.service.spec.ts',
      'test/reading-list-routes.spec.ts',
      'ui/ReadingListListPage.spec.tsx',
      'ui/ReadingListListPage.tsx',
    ]);
    const meta = readFileSync(join(folder, 'component.meta.ts'), 'utf8');
    expect(meta).toContain("nav: { label: 'Reading list', order: 20 },");
    expect(meta).toContain("dependsOn: ['posts'],");
    expect(readFileSync(join(folder, 'prisma', 'schema.prisma'), 'utf8')).toMatch(/^model ReadingListItem \{$/m);
    expect(readFileSync(join(folder, 'component.service.ts'), 'utf8')).toContain("prisma.forComponent('reading-list')");
    expect(readdirSync(join(root, '.data', 'component-new'))).toEqual([]);
  });

  it('with --no-schema, creates a page without a prisma folder, still with its tests', async () => {
    const result = await run(root, 'about', '--no-schema');

    expect(result.code).toBe(0);
    expect(result.out.join('\n')).not.toContain('migrate');
    expect(result.out.slice(result.out.indexOf('next:'))).toEqual([
      'next:',
      '  npm run dev                       then open http://127.0.0.1:3000/about',
      '  npm test -- src/components/about  runs its tests',
    ]);
    expect(Object.keys(tree(join(root, 'src', 'components', 'about'))).sort()).toEqual([
      'component.controller.tsx',
      'component.meta.ts',
      'component.module.ts',
      'component.service.ts',
      'component.types.ts',
      'index.ts',
      'test/about-routes.spec.ts',
      'ui/AboutPage.spec.tsx',
      'ui/AboutPage.tsx',
    ]);
  });

  it.each([[['shelf']], [['about', '--no-schema']]])(
    'writes %j whose runtime files reach the platform only through src/surface (the meta: defineComponent only)',
    async (args) => {
      expect((await run(root, ...args)).code).toBe(0);
      const folder = join(root, 'src', 'components', args[0]);

      const outside: string[] = [];
      for (const [file, text] of Object.entries(tree(folder))) {
        if (/(\.spec\.tsx?$|^test\/)/.test(file)) continue;
        for (const [, specifier] of text.matchAll(/from '(\.[^']*)'/g)) {
          const target = relative(join(root, 'src'), resolve(folder, file, '..', specifier));
          const allowed = target.startsWith(`components/${args[0]}/`) || /^surface(\/|$)/.test(target);
          if (!allowed) outside.push(`${file} imports ${specifier}`);
        }
      }

      expect(outside).toEqual([]);
      expect(readFileSync(join(folder, 'component.module.ts'), 'utf8')).not.toContain('exports');
    },
  );

  it('as the npm script, prints the refusal on stderr and exits with 1', async () => {
    mkdirSync(join(root, 'node_modules'));
    const { code, output } = await runCommand(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(repoRoot, 'build', 'component-scaffold', 'component-new.ts'),
        'system',
      ],
      { cwd: root },
    );

    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'component:new: "system" is reserved: it is the platform’s own component (the home page); choose another id',
    );
  });
});
