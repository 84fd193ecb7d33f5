// Pure: every rule a component's metadata must satisfy. Returns all problems
// at once, each naming the file, the field and the fix.
const COMPONENT_ID = /^[a-z][a-z0-9-]*$/;

/**
 * @param {{ folder: string, metaPath: string, modulePath: string, meta?: any, moduleClasses?: string[] }[]} entries
 * @returns {string[]}
 */
function validateComponents(entries) {
  const problems = [];
  const routeOwners = new Map();
  for (const entry of entries) {
    const { folder, metaPath, meta } = entry;
    const at = (field, text) => problems.push(`${metaPath}: field "${field}" ${text}`);
    if (!COMPONENT_ID.test(folder)) {
      problems.push(`${metaPath}: folder "${folder}" is not a valid component id; rename it to lower-case letters, digits and dashes, starting with a letter`);
    }
    if (entry.moduleClasses === undefined) {
      problems.push(`${entry.modulePath}: file is missing; every component needs a component.module.ts exporting its @Module() class`);
    } else if (entry.moduleClasses.length !== 1) {
      problems.push(`${entry.modulePath}: exports ${entry.moduleClasses.length} @Module() classes (${entry.moduleClasses.join(', ') || 'none'}); export exactly one`);
    }
    if (!meta || typeof meta !== 'object') continue;

    if (typeof meta.id !== 'string' || meta.id === '') at('id', `is required; set id: '${folder}'`);
    else if (meta.id !== folder) at('id', `is "${meta.id}" but the folder is "${folder}"; set id: '${folder}' or rename the folder`);
    if (typeof meta.title !== 'string' || meta.title.trim() === '') at('title', 'is required; set a human-readable title');
    if (meta.description !== undefined && typeof meta.description !== 'string') at('description', 'must be a string; remove it or write a sentence');

    if (!Array.isArray(meta.routes)) {
      at('routes', 'is required; list the routes the controller serves, e.g. routes: [{ path: \'/' + folder + '\', title: \'…\', isPrimary: true }] (or [] for none)');
      continue;
    }
    meta.routes.forEach((route, i) => {
      const field = `routes[${i}]`;
      if (!route || typeof route !== 'object') return at(field, 'must be an object { path, title, isPrimary? }');
      if (typeof route.path !== 'string' || !/^\/[A-Za-z0-9\-._~/:]*$/.test(route.path)) {
        at(`${field}.path`, `is ${JSON.stringify(route.path)}; use an absolute URL path such as '/${folder}'`);
      } else if (routeOwners.has(route.path)) {
        at(`${field}.path`, `"${route.path}" is already declared by ${routeOwners.get(route.path)}; route paths must be unique across components`);
      } else {
        routeOwners.set(route.path, metaPath);
      }
      if (typeof route.title !== 'string' || route.title.trim() === '') at(`${field}.title`, 'is required; set the page title');
      if (route.isPrimary !== undefined && typeof route.isPrimary !== 'boolean') at(`${field}.isPrimary`, 'must be true or false');
    });
    const primaries = meta.routes.filter((route) => route && route.isPrimary === true);
    if (primaries.length > 1) at('routes', `has ${primaries.length} primary routes (${primaries.map((r) => r.path).join(', ')}); mark at most one isPrimary: true`);

    if (meta.nav !== undefined) {
      if (!meta.nav || typeof meta.nav !== 'object') at('nav', 'must be an object { label, order? }');
      else {
        if (typeof meta.nav.label !== 'string' || meta.nav.label.trim() === '') at('nav.label', 'is required; set the text of the navigation link');
        if (meta.nav.order !== undefined && !Number.isFinite(meta.nav.order)) at('nav.order', 'must be a number');
        if (primaries.length === 0) at('nav', 'needs a primary route to link to; mark one route isPrimary: true or remove nav');
      }
    }
  }
  return problems;
}

module.exports = { validateComponents };
