import { ConfigurationError } from './configuration.error';

/**
 * A component's `routes` (component.meta.ts) and the paths its controllers
 * serve disagree. Raised when the app (or a component test) boots; each line
 * of the message names the meta file and the controller.
 */
export class ComponentRoutesError extends ConfigurationError {
  override name = 'ComponentRoutesError';
}
