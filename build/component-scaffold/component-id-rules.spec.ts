import { ExistingComponent, MAX_ID_LENGTH, nextNavOrder, RESERVED_IDS, scaffoldRefusals } from './component-id-rules';
import type { ScaffoldRequest } from './scaffold-arguments';

const demo: ExistingComponent = {
  id: 'demo',
  metaPath: 'src/components/demo/component.meta.ts',
  routes: ['/demo/posts', '/demo'],
  navOrder: 10,
  schemaPath: 'src/components/demo/prisma/schema.prisma',
  declaredNames: ['DemoPost', 'DemoPostStatus'],
};
const system: ExistingComponent = {
  id: 'system',
  metaPath: 'src/components/system/component.meta.ts',
  routes: ['/'],
  navOrder: 0,
  declaredNames: [],
};
const project = [demo, system];

const request = (id: string, changes: Partial<ScaffoldRequest> = {}): ScaffoldRequest => ({ id, schema: true, dependsOn: [], ...changes });
const refusals = (id: string, changes: Partial<ScaffoldRequest> = {}, components = project) =>
  scaffoldRefusals(request(id, changes), components);

describe('scaffoldRefusals', () => {
  it.each(['library', 'reading-list', 'a1', 'x-2-y', 'l'.repeat(MAX_ID_LENGTH)])('accepts %s', (id) => {
    expect(refusals(id)).toEqual([]);
  });

  it.each(['Library', '1library', 'reading_list', 'reading--list', 'library-', '-library', 'café', '', 'a b', '../etc'])(
    'refuses %j as not a valid id, naming the rule',
    (id) => {
      expect(refusals(id)).toEqual([
        `component:new: "${id}" is not a valid component id; use lower-case letters and digits, in words joined by single dashes, starting with a letter (e.g. library, reading-list)`,
      ]);
    },
  );

  it('refuses an id longer than the limit, saying why there is one', () => {
    const id = 'l'.repeat(MAX_ID_LENGTH + 1);

    expect(refusals(id)).toEqual([
      `component:new: "${id}" is 41 characters long; keep a component id to 40 or fewer, so its table and index names fit PostgreSQL's 63-character limit`,
    ]);
  });

  it.each(Object.keys(RESERVED_IDS))('refuses the reserved id %s with its reason', (id) => {
    expect(refusals(id, {}, [])).toEqual([`component:new: "${id}" is reserved: ${RESERVED_IDS[id]}; choose another id`]);
  });

  it('refuses an id whose folder exists, even when that folder is not a valid component', () => {
    const broken: ExistingComponent = { id: 'notes', metaPath: 'src/components/notes/component.meta.ts', routes: [], declaredNames: [] };

    expect(refusals('notes', {}, [broken])).toEqual([
      'component:new: src/components/notes already exists; choose another id, or remove that component first (docs/guides/components.md#remove-a-component)',
    ]);
  });

  it('refuses an id whose route another component already serves, or serves pages under', () => {
    const blog: ExistingComponent = {
      id: 'blog',
      metaPath: 'src/components/blog/component.meta.ts',
      routes: ['/blog', '/archive/2024'],
      declaredNames: [],
    };

    expect(refusals('archive', {}, [blog])).toEqual([
      'component:new: the route /archive would clash with "/archive/2024", declared by src/components/blog/component.meta.ts; choose another id',
    ]);
    expect(refusals('arch', {}, [blog])).toEqual([]);
  });

  it('refuses an id whose model prefix starts a model name of another component', () => {
    expect(refusals('demo-post')).toEqual([
      'component:new: the model prefix of "demo-post" is "DemoPost", but src/components/demo/prisma/schema.prisma already declares "DemoPost", a name with that prefix, so the build could not tell whose model is whose; choose another id',
    ]);
  });

  it('refuses a prefix that starts a table name another component maps a model to', () => {
    const shop: ExistingComponent = {
      id: 'shop',
      metaPath: 'src/components/shop/component.meta.ts',
      routes: [],
      schemaPath: 'src/components/shop/prisma/schema.prisma',
      declaredNames: ['ShopOrder', 'Orders'],
    };

    expect(refusals('orders', {}, [shop])).toHaveLength(1);
  });

  it('accepts a prefix that only looks alike: the next letter of the other name is lower-case', () => {
    expect(refusals('dem')).toEqual([]);
    expect(refusals('demo-archive')).toEqual([]);
  });

  it('refuses an id with the same model prefix as another component', () => {
    const other: ExistingComponent = { id: 'a1b', metaPath: 'src/components/a1b/component.meta.ts', routes: [], declaredNames: [] };

    expect(refusals('a-1b', {}, [other])).toEqual([
      'component:new: "a-1b" and the existing component "a1b" both give the model prefix "A1b", so their model names could clash; choose another id',
    ]);
  });

  it('accepts --depends-on ids of existing components, and refuses unknown ones and the new id itself', () => {
    expect(refusals('loans', { dependsOn: ['demo'] })).toEqual([]);
    expect(refusals('loans', { dependsOn: ['demo', 'members', 'loans'] })).toEqual([
      'component:new: --depends-on "members": there is no src/components/members; use an existing component (demo, system)',
      'component:new: --depends-on "loans" is the component being created; remove it',
    ]);
  });

  it('reports every problem of a valid id at once', () => {
    expect(refusals('demo', { dependsOn: ['nothing'] })).toHaveLength(2);
  });
});

describe('nextNavOrder', () => {
  it('places the new entry after the last one', () => {
    expect(nextNavOrder(project)).toBe(20);
  });

  it('counts an entry without an order as 100, and starts at 10 without any entry', () => {
    expect(nextNavOrder([{ ...demo, navOrder: 100 }, system])).toBe(110);
    expect(nextNavOrder([{ ...demo, navOrder: undefined }])).toBe(10);
  });
});
