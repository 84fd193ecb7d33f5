/** The field name the CSRF guard reads the token from (form-encoded bodies). */
export const CSRF_FIELD = '_csrf';

/** Put inside every form that changes state; the token comes from `@CsrfToken()` in the controller. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
