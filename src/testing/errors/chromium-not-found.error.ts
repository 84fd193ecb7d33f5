/** No Chromium for the browser tests; the message is one line saying what to install or set. */
export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
}
