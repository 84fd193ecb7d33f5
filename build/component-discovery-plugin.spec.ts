import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { type Stats } from 'webpack';

import type { ComponentRegistry } from '../src/platform/component-meta';
import { ComponentDiscoveryPlugin } from './component-discovery-plugin';

const HELPER_IMPORT = "import { defineComponent } from '../../surface';";

/** Metadata as a component author writes it: `meta` is the object literal's source text. */
const metaSource = (meta: string) => `${HELPER_IMPORT}\n\nexport default defineComponent(${meta});\n`;
const moduleSource = (className: string) => `import { Module } from '@nestjs/common';\n\n@Module({})\nexport class ${className} {}\n`;
const className = (id: string) => `${id.charAt(0).toUpperCase()}${id.slice(1)}Module`;

/** A throw-away project: src/components/<id>/{component.meta.ts,component.module.ts} in, src/generated/ out. */
function makeProject() {
  const root = mkdtempSync(join(tmpdir(), 'component-discovery-spec-'));
  const componentsDir = join(root, 'src', 'components');
  const outputDir = join(root, 'src', 'generated');
  const folder = (id: string) => {
    mkdirSync(join(componentsDir, id), { recursive: true });
    return join(componentsDir, id);
  };
  const writeMeta = (id: string, source: string) => writeFileSync(join(folder(id), 'component.meta.ts'), source);
  const writeModule = (id: string, source = moduleSource(className(id))) => writeFileSync(join(folder(id), 'component.module.ts'), source);
  /** A component with a module class; `meta` defaults to a valid one for its id. */
  const writeComponent = (id: string, meta = `{ id: '${id}', title: '${id} pages', routes: [{ path: '/${id}', isPrimary: true }] }`) => {
    writeMeta(id, metaSource(meta));
    writeModule(id);
  };
  const plugin = new ComponentDiscoveryPlugin({ projectRoot: root, componentsDir, outputDir });
  const output = (name: string) => join(outputDir, name);
  return { root, componentsDir, outputDir, folder, writeMeta, writeModule, writeComponent, plugin, output };
}

/** The registry value the generated component-registry.ts declares. */
function registryIn(text: string): ComponentRegistry {
  const marker = 'export const componentRegistry: ComponentRegistry = ';
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`no componentRegistry declaration in:\n${text}`);
  return JSON.parse(
    text
      .slice(start + marker.length)
      .trim()
      .replace(/;$/, ''),
  ) as ComponentRegistry;
}

describe('ComponentDiscoveryPlugin', () => {
  let project: ReturnType<typeof makeProject>;

  beforeEach(() => {
    project = makeProject();
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  /** The errors of one run, which must be exactly one for these single-rule tests. */
  function onlyError(): string {
    const { errors } = project.plugin.run();
    expect(errors).toHaveLength(1);
    return errors[0];
  }

  describe('rejects invalid metadata, naming the file, the field and the fix', () => {
    it('rejects a component without an id and tells which id to set', () => {
      project.writeComponent('blog', "{ title: 'Blog', routes: [] }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"id"');
      expect(error).toContain("set id: 'blog'");
    });

    it('rejects an id that differs from the folder name and offers both fixes', () => {
      project.writeComponent('blog', "{ id: 'news', title: 'Blog', routes: [] }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"id"');
      expect(error).toContain('"news"');
      expect(error).toContain("set id: 'blog' or rename the folder");
    });

    it('rejects a component without a title', () => {
      project.writeComponent('blog', "{ id: 'blog', routes: [] }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"title"');
      expect(error).toContain('set a human-readable title');
    });

    it('rejects a component without routes and shows how to declare them', () => {
      project.writeComponent('blog', "{ id: 'blog', title: 'Blog' }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"routes"');
      expect(error).toContain("routes: [{ path: '/blog'");
    });

    it('rejects a route path that is not absolute and suggests an absolute one', () => {
      project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: 'blog/posts' }] }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"routes[0].path"');
      expect(error).toContain('"blog/posts"');
      expect(error).toContain("use an absolute URL path such as '/blog'");
    });

    it('rejects a route title, which nothing reads, and says to remove it', () => {
      project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: '/blog', title: 'Blog' }] }");

      expect(onlyError()).toBe(
        'src/components/blog/component.meta.ts: field "routes[0].title" is no longer read (page titles come from the pages); remove it',
      );
    });

    it('rejects a route path another component already declares and names that component’s file', () => {
      project.writeComponent('blog');
      project.writeComponent('shop', "{ id: 'shop', title: 'Shop', routes: [{ path: '/shop' }, { path: '/blog' }] }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/shop\/component\.meta\.ts: /);
      expect(error).toContain('"routes[1].path"');
      expect(error).toContain('is already declared by src/components/blog/component.meta.ts');
      expect(error).toContain('must be unique across components');
    });

    it('rejects two primary routes in one component', () => {
      project.writeComponent(
        'blog',
        "{ id: 'blog', title: 'Blog', routes: [{ path: '/blog', isPrimary: true }, { path: '/blog/new', isPrimary: true }] }",
      );

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"routes"');
      expect(error).toContain('/blog, /blog/new');
      expect(error).toContain('mark at most one isPrimary: true');
    });

    it('rejects a navigation entry when no route is primary', () => {
      project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: '/blog' }], nav: { label: 'Blog' } }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"nav"');
      expect(error).toContain('mark one route isPrimary: true or remove nav');
    });

    it('rejects a navigation entry without a label', () => {
      project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: '/blog', isPrimary: true }], nav: { order: 1 } }");

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('"nav.label"');
      expect(error).toContain('set the text of the navigation link');
    });

    it('rejects a component without component.module.ts', () => {
      project.writeMeta('blog', metaSource("{ id: 'blog', title: 'Blog', routes: [] }"));

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.module\.ts: /);
      expect(error).toContain('missing');
      expect(error).toContain('needs a component.module.ts exporting its @Module() class');
    });

    it('rejects a component.module.ts that exports no @Module class', () => {
      project.writeComponent('blog');
      project.writeModule('blog', 'export class BlogModule {}\n@Module({})\nclass HiddenModule {}\n');

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.module\.ts: /);
      expect(error).toContain('exports 0 @Module() classes');
      expect(error).toContain('export exactly one');
    });

    it('rejects a folder without component.meta.ts and says to add one or move the folder', () => {
      project.writeComponent('blog');
      project.folder('notes');

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/notes: /);
      expect(error).toContain('has no component.meta.ts');
      expect(error).toContain('add one');
      expect(error).toContain('move the folder out of src/components');
    });

    it('rejects a meta file that imports anything but the platform helper, without loading it', () => {
      const marker = join(project.root, 'imported.txt');
      project.writeComponent('blog');
      project.writeMeta(
        'blog',
        `${HELPER_IMPORT}\nimport { writeFileSync } from 'node:fs';\n\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default defineComponent({ id: 'blog', title: 'Blog', routes: [] });\n`,
      );

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts: /);
      expect(error).toContain('imports "node:fs"');
      expect(error).toContain('may import only defineComponent from the platform surface');
      expect(existsSync(marker)).toBe(false);
    });

    it('rejects a meta file that loads a module with import(), instead of crashing the build later', () => {
      project.writeComponent('blog');
      project.writeMeta(
        'blog',
        `${HELPER_IMPORT}\n\nvoid import('node:fs');\nexport default defineComponent({ id: 'blog', title: 'Blog', routes: [] });\n`,
      );

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts:3: /);
      expect(error).toContain('import()');
      expect(error).toContain('may import only defineComponent from the platform surface');
      expect(registryIn(readFileSync(project.output('component-registry.ts'), 'utf8')).components).toEqual([]);
    });

    it('rejects a meta file with a syntax error and gives the line', () => {
      project.writeComponent('blog');
      project.writeMeta(
        'blog',
        `${HELPER_IMPORT}\n\nexport default defineComponent({\n  id: 'blog',\n  title: 'Blog'\n  routes: [],\n});\n`,
      );

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/blog\/component\.meta\.ts:6: /);
      expect(error).toContain('fix the syntax');
    });
  });

  it('reports every problem of every component in one run', () => {
    project.writeComponent('blog', "{ id: 'blog', routes: [{ path: '/blog', isPrimary: true }], nav: { label: '' } }");
    project.writeComponent('shop', "{ id: 'store', title: 'Shop', routes: [{ path: 'shop' }] }");
    project.folder('notes');
    project.writeMeta('wiki', metaSource("{ id: 'wiki', title: 'Wiki', routes: [] }"));

    const { errors } = project.plugin.run();

    expect(errors).toHaveLength(6);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/components\/blog\/component\.meta\.ts: field "title"/),
        expect.stringMatching(/^src\/components\/blog\/component\.meta\.ts: field "nav\.label"/),
        expect.stringMatching(/^src\/components\/shop\/component\.meta\.ts: field "id"/),
        expect.stringMatching(/^src\/components\/shop\/component\.meta\.ts: field "routes\[0\]\.path"/),
        expect.stringMatching(/^src\/components\/notes: has no component\.meta\.ts/),
        expect.stringMatching(/^src\/components\/wiki\/component\.module\.ts: file is missing/),
      ]),
    );
  });

  it('leaves a component with an error out of the generated files and lists every valid one', () => {
    project.writeComponent('blog', "{ id: 'blog', routes: [] }");
    project.writeComponent('shop');

    expect(project.plugin.run().errors).toEqual([expect.stringMatching(/^src\/components\/blog\/component\.meta\.ts: field "title"/)]);

    const modules = readFileSync(project.output('components.module.ts'), 'utf8');
    expect(modules).toContain("'shop': ShopComponent,");
    expect(modules).not.toContain('components/blog/');
    expect(registryIn(readFileSync(project.output('component-registry.ts'), 'utf8')).components.map((meta) => meta.id)).toEqual(['shop']);
  });

  it('lists a component again once its error is fixed', () => {
    project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: '/journal', isPrimary: true }], nav: {} }");
    expect(project.plugin.run().errors).toHaveLength(1);

    project.writeComponent('blog');
    expect(project.plugin.run().errors).toEqual([]);

    expect(readFileSync(project.output('components.module.ts'), 'utf8')).toContain("'blog': BlogComponent,");
  });

  it('removes a deleted component from every generated file even while another component has an error', () => {
    project.writeComponent('blog');
    project.writeComponent('shop');
    mkdirSync(join(project.folder('shop'), 'prisma'), { recursive: true });
    writeFileSync(join(project.folder('shop'), 'prisma', 'seed.ts'), 'export default async () => {};\n');
    expect(project.plugin.run().errors).toEqual([]);

    rmSync(project.folder('shop'), { recursive: true });
    project.writeComponent('blog', "{ id: 'blog', routes: [] }");
    const { errors } = project.plugin.run();

    expect(errors).toEqual([expect.stringMatching(/^src\/components\/blog\/component\.meta\.ts: field "title"/)]);
    for (const name of ['component-registry.ts', 'components.module.ts', 'component-seeds.ts']) {
      expect(readFileSync(project.output(name), 'utf8')).not.toMatch(/shop/i);
    }
  });

  it('generates a registry whose navigation is sorted by order, then by label', () => {
    const withNav = (id: string, nav: string) =>
      project.writeComponent(id, `{ id: '${id}', title: '${id}', routes: [{ path: '/${id}', isPrimary: true }], nav: ${nav} }`);
    withNav('alpha', "{ label: 'Zebra', order: 5 }");
    withNav('beta', "{ label: 'Apple', order: 20 }");
    withNav('delta', "{ label: 'Aardvark' }");
    withNav('gamma', "{ label: 'Mango', order: 5 }");
    project.writeComponent('quiet');

    const { errors } = project.plugin.run();

    expect(errors).toEqual([]);
    const text = readFileSync(project.output('component-registry.ts'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\/\/ GENERATED\b/);
    const registry = registryIn(text);
    expect(registry.navigation).toEqual([
      { componentId: 'gamma', label: 'Mango', path: '/gamma', order: 5 },
      { componentId: 'alpha', label: 'Zebra', path: '/alpha', order: 5 },
      { componentId: 'beta', label: 'Apple', path: '/beta', order: 20 },
      { componentId: 'delta', label: 'Aardvark', path: '/delta', order: 100 },
    ]);
    expect(registry.components.map((meta) => meta.id)).toEqual(['alpha', 'beta', 'delta', 'gamma', 'quiet']);
  });

  it('generates components.module.ts mapping every component id to its module class', () => {
    project.writeComponent('blog');
    project.writeComponent('shop');

    project.plugin.run();

    const text = readFileSync(project.output('components.module.ts'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\/\/ GENERATED\b/);
    expect(text).toContain("import { BlogModule as BlogComponent } from '../components/blog/component.module';");
    expect(text).toContain("import { ShopModule as ShopComponent } from '../components/shop/component.module';");
    expect(text).toContain(
      "export const componentModules: Readonly<Record<string, Type>> = {\n  'blog': BlogComponent,\n  'shop': ShopComponent,\n};",
    );
  });

  it('imports two components whose module classes share a name under distinct aliases', () => {
    project.writeComponent('blog');
    project.writeComponent('news-feed');
    writeFileSync(join(project.componentsDir, 'blog', 'component.module.ts'), '@Module({})\nexport class FeatureModule {}\n');
    writeFileSync(join(project.componentsDir, 'news-feed', 'component.module.ts'), '@Module({})\nexport class FeatureModule {}\n');

    expect(project.plugin.run().errors).toEqual([]);

    const text = readFileSync(project.output('components.module.ts'), 'utf8');
    expect(text).toContain("import { FeatureModule as BlogComponent } from '../components/blog/component.module';");
    expect(text).toContain("import { FeatureModule as NewsFeedComponent } from '../components/news-feed/component.module';");
  });

  it('does not rewrite generated files when nothing changed', () => {
    project.writeComponent('blog');
    project.plugin.run();
    const names = ['component-registry.ts', 'components.module.ts'];
    const past = new Date('2020-01-01T00:00:00Z');
    for (const name of names) utimesSync(project.output(name), past, past);

    expect(project.plugin.run().errors).toEqual([]);

    for (const name of names) expect(statSync(project.output(name)).mtimeMs).toBe(past.getTime());
  });

  it('rewrites the registry when a component’s metadata changed', () => {
    project.writeComponent('blog');
    project.plugin.run();

    project.writeComponent('blog', "{ id: 'blog', title: 'Journal', routes: [] }");
    project.plugin.run();

    expect(registryIn(readFileSync(project.output('component-registry.ts'), 'utf8')).components[0].title).toBe('Journal');
  });

  it('fails a webpack build with the file and field of invalid metadata', async () => {
    project.writeComponent('blog', "{ id: 'blog', title: 'Blog', routes: [{ path: 'blog' }] }");
    const entry = join(project.root, 'entry.js');
    writeFileSync(entry, 'module.exports = 1;\n');
    const compiler = webpack({
      context: project.root,
      mode: 'development',
      target: 'node',
      entry,
      output: { path: join(project.root, 'dist') },
      infrastructureLogging: { level: 'none' },
      plugins: [project.plugin],
    });
    if (!compiler) throw new Error('webpack rejected the configuration');

    try {
      const stats = await new Promise<Stats>((done, fail) =>
        compiler.run((error, result) => (error || !result ? fail(error ?? new Error('webpack gave no result')) : done(result))),
      );

      expect(stats.hasErrors()).toBe(true);
      const messages = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
      expect(messages).toEqual([expect.stringContaining('src/components/blog/component.meta.ts: field "routes[0].path"')]);
    } finally {
      await new Promise((done) => compiler.close(done));
    }
  });
  describe('dependsOn', () => {
    const withDeps = (id: string, deps: string) => `{ id: '${id}', title: '${id}', routes: [], dependsOn: ${deps} }`;

    it('rejects an unknown component id, naming the meta file and the existing ids', () => {
      project.writeComponent('blog', withDeps('blog', "['people']"));
      project.writeComponent('shop');

      expect(onlyError()).toBe(
        'src/components/blog/component.meta.ts: field "dependsOn" lists "people", but there is no src/components/people; fix the id (existing components: shop) or remove it',
      );
    });

    it('rejects a component that depends on itself', () => {
      project.writeComponent('blog', withDeps('blog', "['blog']"));

      expect(onlyError()).toBe('src/components/blog/component.meta.ts: field "dependsOn" lists "blog", the component itself; remove it');
    });

    it('rejects a cycle, naming the path round it and where to break it', () => {
      project.writeComponent('a', withDeps('a', "['b']"));
      project.writeComponent('b', withDeps('b', "['c']"));
      project.writeComponent('c', withDeps('c', "['a']"));

      const error = onlyError();

      expect(error).toMatch(/^src\/components\/a\/component\.meta\.ts: field "dependsOn" makes a cycle \(a -> b -> c -> a\)/);
      expect(error).toContain('remove "b" from this dependsOn');
      expect(error).toContain('src/components/b/component.meta.ts, src/components/c/component.meta.ts');
    });

    it('rejects a dependsOn that is not a list of ids', () => {
      project.writeComponent('blog', withDeps('blog', "'shop'"));
      project.writeComponent('shop');

      expect(onlyError()).toBe(
        `src/components/blog/component.meta.ts: field "dependsOn" must be a list of component ids, e.g. dependsOn: ['shop']`,
      );
    });

    it('imports modules and lists seeds after the components they depend on', () => {
      project.writeComponent('accounts');
      project.writeComponent('blog', withDeps('blog', "['accounts']"));
      project.writeComponent('alerts', withDeps('alerts', "['blog']"));
      for (const id of ['accounts', 'blog', 'alerts']) {
        mkdirSync(join(project.folder(id), 'prisma'), { recursive: true });
        writeFileSync(join(project.folder(id), 'prisma', 'seed.ts'), 'export default async () => {};\n');
      }

      const { errors } = project.plugin.run();

      expect(errors).toEqual([]);
      const seeds = readFileSync(project.output('component-seeds.ts'), 'utf8');
      expect([...seeds.matchAll(/componentId: '([a-z-]+)'/g)].map((m) => m[1])).toEqual(['accounts', 'blog', 'alerts']);
      const modules = readFileSync(project.output('components.module.ts'), 'utf8');
      expect(modules).toContain("'accounts': AccountsComponent,\n  'blog': BlogComponent,\n  'alerts': AlertsComponent,");
    });
  });

  describe('events and schedules', () => {
    it('fails the build for a listener of an event whose publisher is not in dependsOn, and leaves the listener out', () => {
      project.writeComponent('accounts', "{ id: 'accounts', title: 'Accounts', routes: [], events: { publishes: ['account-deleted'] } }");
      project.writeComponent('demo', "{ id: 'demo', title: 'Demo', routes: [], events: { listensTo: ['accounts/account-deleted'] } }");

      expect(onlyError()).toBe(
        `src/components/demo/component.meta.ts: field "events.listensTo" lists "accounts/account-deleted", but demo does not depend on accounts; add 'accounts' to dependsOn`,
      );
      expect(readFileSync(project.output('components.module.ts'), 'utf8')).not.toContain("'demo'");
    });

    it('redraws docs/component-map.md with each build, and keeps the last drawing while a component has an error', () => {
      const map = join(project.root, 'docs', 'component-map.md');
      project.writeComponent('accounts', "{ id: 'accounts', title: 'Accounts', routes: [], events: { publishes: ['account-deleted'] } }");
      project.writeComponent('demo', "{ id: 'demo', title: 'Demo', routes: [], dependsOn: ['accounts'] }");
      expect(project.plugin.run().errors).toEqual([]);
      expect(readFileSync(map, 'utf8')).toContain('  c_accounts -.->|"account-deleted"| u_accounts');

      project.writeComponent(
        'demo',
        "{ id: 'demo', title: 'Demo', routes: [], dependsOn: ['accounts'], events: { listensTo: ['accounts/account-deleted'] } }",
      );
      expect(project.plugin.run().errors).toEqual([]);
      const drawn = readFileSync(map, 'utf8');
      expect(drawn).toContain('  c_accounts -.->|"account-deleted"| c_demo');

      project.writeComponent('demo', "{ id: 'demo', title: 'Demo', routes: [], events: { listensTo: ['accounts/account-deleted'] } }");
      expect(project.plugin.run().errors).toHaveLength(1);
      expect(readFileSync(map, 'utf8')).toBe(drawn);
    });

    it('registers the declared events and schedules with the component', () => {
      const schedules = "[{ name: 'prune-expired', cron: '*/15 * * * *' }]";
      project.writeComponent('accounts', `{ id: 'accounts', title: 'Accounts', routes: [], schedules: ${schedules} }`);

      expect(project.plugin.run().errors).toEqual([]);
      const registry = registryIn(readFileSync(project.output('component-registry.ts'), 'utf8'));
      expect(registry.components[0].schedules).toEqual([{ name: 'prune-expired', cron: '*/15 * * * *' }]);
    });
  });

  describe('prismaPreviewFeatures and modelNamePrefix', () => {
    const withField = (id: string, field: string) => `{ id: '${id}', title: '${id}', routes: [], ${field} }`;

    it('rejects a preview feature Prisma 6.19 does not know, naming the component, the known names and the fix', () => {
      project.writeComponent('catalog', withField('catalog', "prismaPreviewFeatures: ['view']"));

      const error = onlyError();

      expect(error).toMatch(
        /^src\/components\/catalog\/component\.meta\.ts: field "prismaPreviewFeatures" lists "view", which is not a preview feature of Prisma 6\.19; fix the name \(known: .*\bviews\b.*\) or remove it/,
      );
      expect(project.plugin.lastSchemaSettings.get('catalog')).toEqual({ previewFeatures: [], modelNamePrefix: true });
    });

    it('rejects a preview feature given as a string instead of a list', () => {
      project.writeComponent('catalog', withField('catalog', "prismaPreviewFeatures: 'views'"));

      expect(onlyError()).toMatch(
        /field "prismaPreviewFeatures" must be a list of Prisma preview feature names, e.g. prismaPreviewFeatures: \['views'\]/,
      );
    });

    it('rejects a modelNamePrefix that is not true or false', () => {
      project.writeComponent('legacy', withField('legacy', "modelNamePrefix: 'no'"));

      expect(onlyError()).toMatch(/^src\/components\/legacy\/component\.meta\.ts: field "modelNamePrefix" must be true or false/);
    });

    it('hands the declared preview features and modelNamePrefix on to the schema build', () => {
      project.writeComponent('catalog', withField('catalog', "prismaPreviewFeatures: ['fullTextSearchPostgres', 'views']"));
      project.writeComponent('legacy', withField('legacy', 'modelNamePrefix: false'));

      const { errors, schemaSettings } = project.plugin.run();

      expect(errors).toEqual([]);
      expect(schemaSettings.get('catalog')).toEqual({ previewFeatures: ['fullTextSearchPostgres', 'views'], modelNamePrefix: true });
      expect(schemaSettings.get('legacy')).toEqual({ previewFeatures: [], modelNamePrefix: false });
    });
  });
});
