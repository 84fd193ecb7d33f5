// Pure: every rule a component's metadata must satisfy. Returns all problems
// at once, each naming the file, the field and the fix.
import { COMPONENT_ID_PATTERN } from '../../src/platform/component-meta';
import {
  isPrismaPreviewFeature,
  PRISMA_PREVIEW_FEATURES,
  PRISMA_PREVIEW_FEATURES_VERSION,
} from '../../src/platform/prisma-preview-features';
import { dependencyOrder } from './dependency-order';

/** One folder under src/components, as read: its metadata is unchecked until validated here. */
export interface ComponentEntry {
  folder: string;
  metaPath: string;
  modulePath: string;
  meta?: unknown;
  /** Exported @Module() classes; undefined when component.module.ts is missing. */
  moduleClasses?: string[];
}

/** One rule a component breaks: `text` names its file, the field and the fix. */
export interface ComponentProblem {
  /** The component the problem belongs to: dropped from the generated files until it is fixed. */
  folder: string;
  text: string;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function validateComponents(entries: ComponentEntry[]): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const routeOwners = new Map<string, string>();
  for (const entry of entries) {
    const { folder, metaPath, meta } = entry;
    const problem = (text: string) => problems.push({ folder, text });
    const at = (field: string, text: string) => problem(`${metaPath}: field "${field}" ${text}`);
    if (!COMPONENT_ID_PATTERN.test(folder)) {
      problem(
        `${metaPath}: folder "${folder}" is not a valid component id; rename it to lower-case letters, digits and dashes, starting with a letter`,
      );
    }
    if (entry.moduleClasses === undefined) {
      problem(`${entry.modulePath}: file is missing; every component needs a component.module.ts exporting its @Module() class`);
    } else if (entry.moduleClasses.length !== 1) {
      problem(
        `${entry.modulePath}: exports ${entry.moduleClasses.length} @Module() classes (${entry.moduleClasses.join(', ') || 'none'}); export exactly one`,
      );
    }
    if (!isObject(meta)) continue;

    if (typeof meta.id !== 'string' || meta.id === '') at('id', `is required; set id: '${folder}'`);
    else if (meta.id !== folder) at('id', `is "${meta.id}" but the folder is "${folder}"; set id: '${folder}' or rename the folder`);
    if (!isText(meta.title)) at('title', 'is required; set a human-readable title');
    if (meta.description !== undefined && typeof meta.description !== 'string')
      at('description', 'must be a string; remove it or write a sentence');

    if (!Array.isArray(meta.routes)) {
      at(
        'routes',
        `is required; list every path the controllers serve, e.g. routes: [{ path: '/${folder}', isPrimary: true }] (or [] for none)`,
      );
      continue;
    }
    const routes = meta.routes as unknown[];
    routes.forEach((route, i) => {
      const field = `routes[${i}]`;
      if (!isObject(route)) return at(field, 'must be an object { path, isPrimary? }');
      if (typeof route.path !== 'string' || !/^\/[A-Za-z0-9\-._~/:]*$/.test(route.path)) {
        at(`${field}.path`, `is ${JSON.stringify(route.path)}; use an absolute URL path such as '/${folder}'`);
      } else if (routeOwners.has(route.path)) {
        at(
          `${field}.path`,
          `"${route.path}" is already declared by ${routeOwners.get(route.path)}; route paths must be unique across components`,
        );
      } else {
        routeOwners.set(route.path, metaPath);
      }
      if (route.title !== undefined) at(`${field}.title`, 'is no longer read (page titles come from the pages); remove it');
      if (route.isPrimary !== undefined && typeof route.isPrimary !== 'boolean') at(`${field}.isPrimary`, 'must be true or false');
    });
    const primaries = routes.filter((route): route is Fields => isObject(route) && route.isPrimary === true);
    if (primaries.length > 1)
      at(
        'routes',
        `has ${primaries.length} primary routes (${primaries.map((r) => String(r.path)).join(', ')}); mark at most one isPrimary: true`,
      );

    if (meta.nav !== undefined) {
      if (!isObject(meta.nav)) at('nav', 'must be an object { label, order? }');
      else {
        if (!isText(meta.nav.label)) at('nav.label', 'is required; set the text of the navigation link');
        if (meta.nav.order !== undefined && !Number.isFinite(meta.nav.order)) at('nav.order', 'must be a number');
        if (primaries.length === 0) at('nav', 'needs a primary route to link to; mark one route isPrimary: true or remove nav');
      }
    }
    validateSchemaSettings(meta, at);
  }
  problems.push(...validateDependencies(entries));
  return problems;
}

/** `prismaPreviewFeatures` and `modelNamePrefix`: what the schema build reads from the metadata. */
function validateSchemaSettings(meta: Fields, at: (field: string, text: string) => void): void {
  if (meta.modelNamePrefix !== undefined && typeof meta.modelNamePrefix !== 'boolean') {
    at('modelNamePrefix', 'must be true or false (false keeps the model and enum names of an adopted schema without a warning)');
  }
  const features = meta.prismaPreviewFeatures;
  if (features === undefined) return;
  const known = PRISMA_PREVIEW_FEATURES.join(', ');
  if (!Array.isArray(features) || !features.every((name) => typeof name === 'string')) {
    at('prismaPreviewFeatures', `must be a list of Prisma preview feature names, e.g. prismaPreviewFeatures: ['views'] (known: ${known})`);
    return;
  }
  features.forEach((name: string, i) => {
    if (!isPrismaPreviewFeature(name)) {
      at(
        'prismaPreviewFeatures',
        `lists "${name}", which is not a preview feature of Prisma ${PRISMA_PREVIEW_FEATURES_VERSION}; fix the name (known: ${known}) or remove it (a feature that left preview needs no entry)`,
      );
    } else if (features.indexOf(name) !== i) at('prismaPreviewFeatures', `lists "${name}" twice; remove one`);
  });
}

/** `dependsOn`: a list of other, existing component ids, without cycles. */
function validateDependencies(entries: ComponentEntry[]): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const known = new Set(entries.map((entry) => entry.folder));
  const graph = new Map<string, string[]>();
  const metaPathOf = new Map(entries.map((entry) => [entry.folder, entry.metaPath]));
  for (const { folder, metaPath, meta } of entries) {
    if (!isObject(meta) || meta.dependsOn === undefined) continue;
    const at = (text: string) => problems.push({ folder, text: `${metaPath}: field "dependsOn" ${text}` });
    const dependsOn = meta.dependsOn;
    if (!Array.isArray(dependsOn) || !dependsOn.every(isText)) {
      at(`must be a list of component ids, e.g. dependsOn: ['${[...known].find((id) => id !== folder) ?? 'demo'}']`);
      continue;
    }
    const ids = dependsOn;
    const valid: string[] = [];
    ids.forEach((id, i) => {
      if (id === folder) at(`lists "${id}", the component itself; remove it`);
      else if (ids.indexOf(id) !== i) at(`lists "${id}" twice; remove one`);
      else if (!known.has(id)) {
        const existing = [...known].filter((other) => other !== folder).join(', ') || 'none';
        at(`lists "${id}", but there is no src/components/${id}; fix the id (existing components: ${existing}) or remove it`);
      } else valid.push(id);
    });
    graph.set(folder, valid);
  }
  const { cycle } = dependencyOrder(graph);
  if (cycle) {
    problems.push({
      folder: cycle[0],
      text: `${metaPathOf.get(cycle[0])}: field "dependsOn" makes a cycle (${cycle.join(' -> ')}); components cannot depend on each other in a circle: remove "${cycle[1]}" from this dependsOn, or another link of the cycle in ${cycle
        .slice(1, -1)
        .map((id) => metaPathOf.get(id))
        .join(', ')}`,
    });
  }
  return problems;
}
