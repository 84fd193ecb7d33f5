import { isProductionRuntime } from '../environment/runtime-environment';

/**
 * Whether the app's cookies are `Secure` and named with the `__Host-` prefix:
 * with NODE_ENV=production, always. Not from `request.secure`, which is false
 * behind a proxy that terminates HTTPS unless TRUST_PROXY is set, and would
 * then give a production browser cookies a sibling subdomain can overwrite.
 */
export function secureCookies(env: NodeJS.ProcessEnv): boolean {
  return isProductionRuntime(env);
}

/**
 * A cookie's name: `__Host-<name>` when secure. Browsers accept such a cookie
 * only when it is Secure, has `Path=/` and no `Domain`, so only this exact
 * host can set or overwrite it.
 */
export function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}
