/** The form field the CSRF guard reads the token from (form-encoded bodies). */
export const CSRF_FIELD = '_csrf';
