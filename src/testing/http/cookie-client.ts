/**
 * fetch with a cookie jar and no automatic redirects: requests as one browser
 * would make them, responses as the server sent them.
 */
export class CookieClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'GET', headers });
  }

  /** Form-encoded POST, as an HTML form submits it; `headers` e.g. the Referer a browser would send. */
  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /**
   * Any request, body as raw bytes (invalid UTF-8, malformed escapes, any
   * Content-Type) or as a stream, which fetch sends chunked, without a Content-Length.
   */
  async send(
    path: string,
    { method, headers = {}, body }: { method: string; headers?: Record<string, string>; body?: Uint8Array | ReadableStream<Uint8Array> },
  ): Promise<Response> {
    // Node's fetch needs `duplex: 'half'` for a stream body (not yet in the DOM typings).
    const streamed = body instanceof ReadableStream ? ({ duplex: 'half' } as RequestInit) : {};
    return this.request(path, { method, headers, body, ...streamed });
  }

  /** The Cookie header this browser sends now, for a request made without fetch. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The CSRF token embedded in a page's first form. */
  static csrfTokenIn(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('the page has no CSRF field');
    return match[1];
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    const cookie = this.cookieHeader();
    const response = await fetch(this.baseUrl + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      // A cookie cleared by the server (Express's clearCookie) is gone, as in a browser.
      if (attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /^expires=.*1970/i.test(attribute))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(separator + 1));
    }
    return response;
  }
}
