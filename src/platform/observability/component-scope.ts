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
  /** The request's id (its X-Request-Id), which every log line made while serving it carries as `reqId`. */
  requestId?: string;
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

/** The id of the request the running code serves, if any (log lines read it as `reqId`). */
export function currentRequestId(): string | undefined {
  return scopes.getStore()?.requestId;
}

/**
 * Runs a component's middleware as work of that component. `work` gets a
 * `next` that calls back in the scope the middleware was called in, so the
 * rest of the request (the next middleware, the handler of whichever
 * component owns the route) is not counted as the middleware's component,
 * however late the middleware calls it (after an await, say).
 */
export function inMiddlewareScope<T, A extends unknown[]>(
  component: string,
  next: (...args: A) => void,
  work: (next: (...args: A) => void) => T,
): T {
  // Outside any scope, `{}`: currentComponent() reads it as platform, as it would no scope.
  const outer = scopes.getStore() ?? {};
  return scopes.run({ component, requestId: outer.requestId }, () => work((...args: A) => scopes.run(outer, () => next(...args))));
}
