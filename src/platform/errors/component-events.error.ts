import { ConfigurationError } from './configuration.error';

/**
 * A component's `events` or `schedules` (component.meta.ts) and its code
 * disagree: an event defined but not declared, a listener of an event the
 * component does not declare or depend on, a schedule without its handler, a
 * job without one. Raised when the app (or a component test) boots; each line
 * names the meta file, the provider method and the fix.
 */
export class ComponentEventsError extends ConfigurationError {
  override name = 'ComponentEventsError';
}
