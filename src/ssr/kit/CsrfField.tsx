import { CSRF_FIELD } from '../../platform/http/page-locals';
import { useRenderContext } from '../render-context';

/** Put inside every form that changes state; the token comes from the page's render context. */
export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD} value={useRenderContext().csrfToken()} />;
}
