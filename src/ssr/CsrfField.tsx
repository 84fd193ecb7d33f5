import { CSRF_FIELD } from '../security/csrf-field';

/** Put inside every form that changes state; the token comes from `@CsrfToken()` in the controller. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
