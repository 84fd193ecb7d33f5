/** Injection token of the process's `CsrfProtection`. */
export const CSRF = Symbol('CSRF');
