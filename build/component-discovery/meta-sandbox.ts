// The one vm context every component.meta.ts runs in. A context per file cost
// ~2 ms and ~1 MB each (1,000 components: 2.5 s, most of discovery); one
// shared context costs that once. Sharing is safe only if no file can change
// what the next one sees, since results are cached by each file's content
// alone: so the context's built-ins are frozen, each file runs inside its own
// function scope, and any global a file adds is deleted after it ran.
import vm from 'node:vm';

// The platform surface ('../../surface'), where components import everything platform-provided from.
const ALLOWED_IMPORT = String(/(^|\/)surface(\/index)?$/);

/** Freezes every built-in reachable from the context's global; returns a function that restores the global's own keys. */
const HARDEN = `(() => {
  "use strict";
  const { defineProperty, freeze, getOwnPropertyDescriptor, getPrototypeOf } = Object;
  const ownKeys = Reflect.ownKeys;
  const seen = new Set([globalThis]);
  const deepFreeze = (value) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    freeze(value);
    for (const key of ownKeys(value)) freezeProperty(getOwnPropertyDescriptor(value, key));
    deepFreeze(getPrototypeOf(value));
  };
  const freezeProperty = (descriptor) => {
    if (!descriptor) return;
    if ('value' in descriptor) deepFreeze(descriptor.value);
    else { deepFreeze(descriptor.get); deepFreeze(descriptor.set); }
  };
  // A vm context's global cannot be frozen or made non-extensible (Node's
  // interceptors refuse), so its properties are locked one by one and new
  // ones are removed after every file.
  const baseline = new Set(ownKeys(globalThis));
  for (const key of baseline) {
    const descriptor = getOwnPropertyDescriptor(globalThis, key);
    freezeProperty(descriptor);
    defineProperty(globalThis, key, 'value' in descriptor
      ? { value: descriptor.value, writable: false, configurable: false, enumerable: descriptor.enumerable }
      : { get: descriptor.get, set: descriptor.set, configurable: false, enumerable: descriptor.enumerable });
  }
  return () => {
    for (const key of ownKeys(globalThis)) if (!baseline.has(key)) delete globalThis[key];
    return ownKeys(globalThis).length === baseline.size;
  };
})()`;

let shared: { context: vm.Context; restore: () => boolean } | undefined;

function sandbox(): { context: vm.Context; restore: () => boolean } {
  if (!shared) {
    const context = vm.createContext({});
    shared = { context, restore: vm.runInContext(HARDEN, context) as () => boolean };
  }
  return shared;
}

/**
 * Runs a meta file transpiled to CommonJS and returns its `module.exports`.
 * `require` (defined inside the context, so no host function is reachable)
 * yields only the defineComponent helper. The wrapper sits on the file's
 * first line, so line numbers in stack traces stay the file's own.
 * @throws what the file threw, a refused import, or the timeout
 */
export function runMetaModule(commonJs: string, filename: string): Record<string, unknown> {
  const { context, restore } = sandbox();
  const wrapped =
    `(() => { "use strict"; const module = { exports: {} }; const require = (request) => { ` +
    `if (${ALLOWED_IMPORT}.test(request)) return { defineComponent: (meta) => meta }; ` +
    'throw new Error(`imports "${request}"; a component.meta.ts may import only defineComponent from the platform surface (import { defineComponent } from "../../surface")`); }; ' +
    `(function (exports, require, module) {${commonJs}\n}).call(undefined, module.exports, require, module); return module.exports; })()`;
  try {
    return new vm.Script(wrapped, { filename }).runInContext(context, { timeout: 1000 }) as Record<string, unknown>;
  } finally {
    // A global that cannot be deleted (defined non-configurable) would be seen by the next file: start a new context then.
    if (!restore()) shared = undefined;
  }
}
