// Pure: whether a new component may be created with the requested id, options
// and the project as it is. Every refusal is one line saying what is wrong,
// where, and how to fix it; nothing is written while there is one.
import { COMPONENT_ID_PATTERN } from '../../src/platform/component-meta';
import { pascalCaseId } from '../database-schema/check-component-schemas';
import type { ScaffoldRequest } from './scaffold-arguments';

/** What the scaffolder needs to know about a component already in the project. */
export interface ExistingComponent {
  id: string;
  /** `src/components/<id>/component.meta.ts`, relative to the project. */
  metaPath: string;
  /** Route paths its metadata declares (none when it cannot be read). */
  routes: string[];
  /** Its navigation order, when it has a navigation entry (100 when the entry gives none). */
  navOrder?: number;
  /** `src/components/<id>/prisma/schema.prisma`, when it has one. */
  schemaPath?: string;
  /** Model, enum, view and type names its schema declares, and the table names it maps them to. */
  declaredNames: string[];
}

/**
 * Longest id accepted. PostgreSQL cuts identifiers at 63 bytes; the longest
 * name the scaffold makes is the index `<Pascal>Item_createdAt_idx`, 18
 * characters more than the id's PascalCase form, which is never longer than
 * the id. 40 leaves room for a longer field name in a later index.
 */
export const MAX_ID_LENGTH = 40;

/** Lower-case words of letters and digits joined by single dashes: no dash at the end, none doubled. */
const WORDS = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Ids that would clash with a name the platform uses, and why. */
export const RESERVED_IDS: Readonly<Record<string, string>> = {
  system: 'it is the platform’s own component (the home page)',
  generated: 'src/generated is the build’s output folder, and a component of that name would read as generated code',
  static: 'the server answers /static/ with the built assets, before any component route',
  health: 'GET /health is the platform’s health check',
  api: '/api is kept for the platform’s JSON endpoints',
  main: 'its schema copy would be prisma/schema/main.prisma, the generated datasource file',
  test: 'the architecture rules treat every file under a test/ folder as test code, so its runtime code would escape them',
};

export function scaffoldRefusals(request: ScaffoldRequest, components: readonly ExistingComponent[]): string[] {
  const { id } = request;
  const refuse = (text: string) => `component:new: ${text}`;
  if (!COMPONENT_ID_PATTERN.test(id) || !WORDS.test(id)) {
    return [
      refuse(
        `"${id}" is not a valid component id; use lower-case letters and digits, in words joined by single dashes, starting with a letter (e.g. library, reading-list)`,
      ),
    ];
  }
  if (id.length > MAX_ID_LENGTH) {
    return [
      refuse(
        `"${id}" is ${id.length} characters long; keep a component id to ${MAX_ID_LENGTH} or fewer, so its table and index names fit PostgreSQL's 63-character limit`,
      ),
    ];
  }
  const reason = Object.hasOwn(RESERVED_IDS, id) ? RESERVED_IDS[id] : undefined;
  if (reason) return [refuse(`"${id}" is reserved: ${reason}; choose another id`)];

  const problems: string[] = [];
  const taken = components.find((component) => component.id === id);
  if (taken) {
    problems.push(
      refuse(
        `src/components/${id} already exists; choose another id, or remove that component first (docs/guides/components.md#remove-a-component)`,
      ),
    );
  }
  const path = `/${id}`;
  for (const component of components) {
    if (component.id === id) continue;
    const route = component.routes.find((declared) => declared === path || declared.startsWith(`${path}/`));
    if (route) {
      problems.push(refuse(`the route ${path} would clash with "${route}", declared by ${component.metaPath}; choose another id`));
    }
  }
  problems.push(...prefixRefusals(id, components));
  problems.push(...dependencyRefusals(request, components));
  return problems;
}

/** The model prefix must be the new component's alone: no other component's prefix, no name already declared that starts with it. */
function prefixRefusals(id: string, components: readonly ExistingComponent[]): string[] {
  const prefix = pascalCaseId(id);
  const startsWithPrefix = new RegExp(`^${prefix}([A-Z0-9_]|$)`);
  const problems: string[] = [];
  for (const component of components) {
    if (component.id === id) continue;
    if (pascalCaseId(component.id) === prefix) {
      problems.push(
        `component:new: "${id}" and the existing component "${component.id}" both give the model prefix "${prefix}", so their model names could clash; choose another id`,
      );
      continue;
    }
    const name = component.declaredNames.find((declared) => startsWithPrefix.test(declared));
    if (name) {
      problems.push(
        `component:new: the model prefix of "${id}" is "${prefix}", but ${component.schemaPath} already declares "${name}", a name with that prefix, so the build could not tell whose model is whose; choose another id`,
      );
    }
  }
  return problems;
}

function dependencyRefusals({ id, dependsOn }: ScaffoldRequest, components: readonly ExistingComponent[]): string[] {
  const known = components.map((component) => component.id).filter((other) => other !== id);
  return dependsOn.flatMap((target) => {
    if (target === id) return [`component:new: --depends-on "${target}" is the component being created; remove it`];
    if (known.includes(target)) return [];
    return [
      `component:new: --depends-on "${target}": there is no src/components/${target}; use an existing component (${known.join(', ') || 'none yet'})`,
    ];
  });
}

/** After every navigation entry there is: the highest order plus 10. */
export function nextNavOrder(components: readonly ExistingComponent[]): number {
  const orders = components.map((component) => component.navOrder).filter((order): order is number => order !== undefined);
  return orders.length === 0 ? 10 : Math.max(...orders) + 10;
}
