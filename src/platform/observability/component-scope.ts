import { AsyncLocalStorage } from 'node:async_hooks';

/** The label of work no component owns: health checks, static files, the outbox relay, unrouted requests. */
export const PLATFORM_COMPONENT = 'platform';

/**
 * Which component the current work belongs to. A request enters its scope
 * before routing, so it names the component lazily (`resolve`, read once the
 * router has matched); a job or an event delivery knows it up front.
 */
export interface ComponentScope {
  component?: string;
  resolve?: () => string;
}

const scopes = new AsyncLocalStorage<ComponentScope>();

/** Runs `work`, and everything it starts, as work of that component (metrics, logs and spans read it). */
export function inComponentScope<T>(scope: ComponentScope, work: () => T): T {
  return scopes.run(scope, work);
}

/**
 * The component the running code works for: the one whose route a request
 * matched, whose job or listener runs, else `platform`. Follows the async
 * context, so it is right under concurrency.
 */
export function currentComponent(): string {
  const scope = scopes.getStore();
  if (!scope) return PLATFORM_COMPONENT;
  if (scope.component === undefined && scope.resolve) return scope.resolve();
  return scope.component ?? PLATFORM_COMPONENT;
}
