import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner } from '@nestjs/core';

/** One path a controller method serves, as Nest registers it (`/demo/posts/:id/delete`). */
export interface ServedRoute {
  path: string;
  method: string;
  /** `DemoComponentController.confirmDelete` */
  handler: string;
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? ['/'] : Array.isArray(value) ? value : [value]);

/** `['demo', '/posts/']` -> `/demo/posts`, as Nest joins a controller's and a method's path. */
function joinPath(...parts: string[]): string {
  return `/${parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** The routes of a controller class, read from the metadata Nest's decorators leave (@Controller, @Get, …). */
export function routesServedBy(controller: Type): ServedRoute[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
  return new MetadataScanner().getAllMethodNames(prototype).flatMap((name) => {
    const handler = prototype[name] as object;
    const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (paths === undefined) return [];
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
    return prefixes.flatMap((prefix) =>
      asList(paths).map((path) => ({ path: joinPath(prefix, path), method, handler: `${controller.name}.${name}` })),
    );
  });
}
