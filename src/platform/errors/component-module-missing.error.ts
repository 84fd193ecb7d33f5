import { ConfigurationError } from './configuration.error';

/**
 * The generated component registry lists a component whose module class the
 * generated module list lacks: the generated files disagree (a stale
 * src/generated). Raised while app.module loads; the message names the
 * component, both files and the fix.
 */
export class ComponentModuleMissingError extends ConfigurationError {
  override name = 'ComponentModuleMissingError';
}
