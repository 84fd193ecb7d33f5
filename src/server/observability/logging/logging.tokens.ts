/** The provider token of the app's pino logger (app-logger.ts), which the request line writes through. */
export const APP_LOGGER = Symbol('APP_LOGGER');
