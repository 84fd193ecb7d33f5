import { ConfigurationError } from './configuration.error';

/**
 * A component's provider or controller needs a provider of another component
 * that its component.meta.ts does not declare in `dependsOn`, or that the
 * other component's module does not export. Raised when the app (or a
 * component test) boots; the message names both components and the fix.
 */
export class UndeclaredComponentDependencyError extends ConfigurationError {
  override name = 'UndeclaredComponentDependencyError';
}
