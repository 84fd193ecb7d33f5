import { ConfigurationError } from '../../errors/configuration.error';

/**
 * A component declared a counter the platform cannot expose as declared (a
 * name or label Prometheus refuses, label values not declared up front, too
 * many series). Raised when the component's provider is constructed, so the
 * app (or the component's test) does not start; the message names the
 * component, the counter and the fix.
 */
export class ComponentMetricsError extends ConfigurationError {
  override name = 'ComponentMetricsError';
}
