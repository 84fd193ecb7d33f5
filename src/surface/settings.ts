// Settings and request facts a component reads: the environment, cookies, the
// page's locals (the layout's account area), the same-site referer, the
// cookie-signing secret. Light: a seed may import this file directly.
export { optionalWholeNumberSetting, positiveIntegerSetting } from '../platform/environment/environment-settings';
export { isProductionRuntime } from '../platform/environment/runtime-environment';
export { cookieName, secureCookies } from '../platform/http/cookie-security';
export { type AccountStatus, pageLocals, type PageLocals } from '../platform/http/page-locals';
export { sameSiteRefererPath } from '../platform/http/same-site-referer';
export { COOKIE_SECRET } from '../security/cookie-secret';
