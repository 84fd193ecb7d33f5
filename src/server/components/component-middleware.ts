import type { MiddlewareConsumer, NestMiddleware, Type } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { inMiddlewareScope } from '../../platform/observability/component-scope';

type Middleware = Type<NestMiddleware> | ((request: Request, response: Response, next: NextFunction) => unknown);

/** Each middleware's scoped stand-in, per component: the same one however often it is applied (Nest builds one per class). */
const standIns = new WeakMap<object, Map<string, Middleware>>();
/** The module classes whose `configure` already scopes their middleware, and for which component. */
const scopedModules = new WeakMap<Type, string>();

const isMiddlewareClass = (middleware: Middleware): middleware is Type<NestMiddleware> =>
  typeof (middleware.prototype as Partial<NestMiddleware> | undefined)?.use === 'function';

/**
 * The middleware run in `component`'s scope (component-scope.ts), `next`
 * outside it. A class becomes a subclass, as Nest itself wraps a middleware
 * with excluded routes: same name and constructor, so the injector builds it
 * from the same providers and names it the same in its errors.
 */
function scoped(middleware: Middleware, component: string): Middleware {
  let byComponent = standIns.get(middleware);
  if (!byComponent) standIns.set(middleware, (byComponent = new Map<string, Middleware>()));
  let standIn = byComponent.get(component);
  if (standIn) return standIn;
  if (isMiddlewareClass(middleware)) {
    const Scoped = class extends middleware {
      use(request: Request, response: Response, next: NextFunction): unknown {
        return inMiddlewareScope(component, next, (outside) => super.use(request, response, outside) as unknown);
      }
    };
    Object.defineProperty(Scoped, 'name', { value: middleware.name });
    standIn = Scoped;
  } else {
    standIn = (request: Request, response: Response, next: NextFunction) =>
      inMiddlewareScope(component, next, (outside) => middleware(request, response, outside as NextFunction));
  }
  byComponent.set(component, standIn);
  return standIn;
}

/**
 * Makes the middleware a component module configures (`configure(consumer)`,
 * `consumer.apply(...)`) run as that component's work: its SQL metrics and
 * log lines name the component, though it runs before the router has
 * matched a route (the request's own scope says `platform` until then).
 * What it hands on with `next()` runs in the request's scope again.
 * ComponentComposition applies it to every component module, once per class.
 */
export function scopeComponentMiddleware(module: Type, component: string): void {
  const prototype = module.prototype as { configure?: (consumer: MiddlewareConsumer) => unknown };
  const configure = prototype.configure;
  if (typeof configure !== 'function' || scopedModules.has(module)) return;
  scopedModules.set(module, component);
  prototype.configure = function (this: unknown, consumer: MiddlewareConsumer) {
    const scopedConsumer: MiddlewareConsumer = Object.assign(Object.create(consumer) as MiddlewareConsumer, {
      apply: (...middleware: (Middleware | Middleware[])[]) => consumer.apply(...middleware.flat().map((each) => scoped(each, component))),
    });
    return configure.call(this, scopedConsumer);
  };
}
