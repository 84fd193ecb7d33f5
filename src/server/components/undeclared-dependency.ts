import type { InjectionToken, Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { UndeclaredComponentDependencyError } from '../../platform/errors/undeclared-component-dependency.error';
import { UnknownDependenciesException } from '../../platform/vendor-patches/nest-unknown-dependencies.patch';
import type { ComposableComponent } from './composable-component';

const tokenOf = (provider: Provider): InjectionToken => (typeof provider === 'function' ? provider : provider.provide);

const nameOf = (token: unknown): string =>
  typeof token === 'function' ? token.name : typeof token === 'symbol' ? token.toString() : String(token);

const metadataOf = (module: Type, key: string): unknown[] => (Reflect.getMetadata(key, module) as unknown[] | undefined) ?? [];

/** The component whose module declares a provider for this token. */
function providerOf(components: readonly ComposableComponent[], token: unknown): ComposableComponent | undefined {
  return components.find((c) => (metadataOf(c.module, MODULE_METADATA.PROVIDERS) as Provider[]).some((p) => tokenOf(p) === token));
}

/** The component whose module declares a provider or controller of this name (Nest reports the class by name). */
function ownerOf(components: readonly ComposableComponent[], name: string): ComposableComponent | undefined {
  return components.find((c) =>
    [
      ...(metadataOf(c.module, MODULE_METADATA.PROVIDERS) as Provider[]).map(tokenOf),
      ...metadataOf(c.module, MODULE_METADATA.CONTROLLERS),
    ].some((token) => nameOf(token) === name),
  );
}

/**
 * Nest's "can't resolve dependencies" as the component author should read it,
 * when one component needs a provider another provides: undeclared in
 * `dependsOn`, or not exported. Undefined for any other failure.
 */
export function explainUnknownDependency(
  error: unknown,
  components: readonly ComposableComponent[],
): UndeclaredComponentDependencyError | undefined {
  if (!(error instanceof UnknownDependenciesException) || typeof error.type !== 'string') return undefined;
  const token = error.context.name;
  const provider = providerOf(components, token);
  const needing = ownerOf(components, error.type);
  if (!provider || !needing || provider === needing) return undefined;
  const [id, other, wanted] = [needing.meta.id, provider.meta.id, nameOf(token)];
  const declared = needing.meta.dependsOn ?? [];
  if (!declared.includes(other)) {
    const dependsOn = [...declared, other].map((dependency) => `'${dependency}'`).join(', ');
    return new UndeclaredComponentDependencyError(
      `src/components/${id}: ${error.type} needs ${wanted}, which component ${other} provides, but ${id}'s component.meta.ts does not declare it: add dependsOn: [${dependsOn}] (and export ${wanted} from ${other}'s module and index.ts)`,
      { cause: error },
    );
  }
  if (!metadataOf(provider.module, MODULE_METADATA.EXPORTS).includes(token)) {
    return new UndeclaredComponentDependencyError(
      `src/components/${id}: ${error.type} needs ${wanted}, which component ${other} provides but does not export: add it to exports in src/components/${other}/component.module.ts and re-export it from src/components/${other}/index.ts`,
      { cause: error },
    );
  }
  return undefined;
}
