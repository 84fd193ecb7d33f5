import { errorActions, FailedRequest, sameSiteReferer } from './error-actions';

const HOST = 'app.example.test:3000';
const HOME = { href: '/', label: 'Go to the home page' };

const request = (overrides: Partial<FailedRequest> = {}): FailedRequest => ({
  method: 'GET',
  url: '/fixture/notes',
  host: HOST,
  ...overrides,
});

describe('sameSiteReferer', () => {
  it.each([
    ['http', `http://${HOST}/fixture/notes?page=2`, '/fixture/notes?page=2'],
    ['https', `https://${HOST}/fixture/notes`, '/fixture/notes'],
    ['the root', `http://${HOST}/`, '/'],
  ])('returns the path and query of an %s page on this host', (_, referer, path) => {
    expect(sameSiteReferer(request({ referer }))).toBe(path);
  });

  it('drops the fragment, which the page never needs', () => {
    expect(sameSiteReferer(request({ referer: `http://${HOST}/fixture/notes?page=2#new-post` }))).toBe('/fixture/notes?page=2');
  });

  it.each([
    ['another host', 'https://evil.example/fixture/notes'],
    ['this host name on another port', 'http://app.example.test:4000/fixture/notes'],
    ['a subdomain of this host', `http://evil.${HOST}/fixture/notes`],
    ['this host as user name of another', `http://${HOST}@evil.example/fixture/notes`],
    ['this host as a path on another', `https://evil.example/${HOST}/fixture/notes`],
  ])('rejects %s', (_, referer) => {
    expect(sameSiteReferer(request({ referer }))).toBeUndefined();
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: with this host', `javascript://${HOST}/%0Aalert(1)`],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', `ftp://${HOST}/fixture/notes`],
    ['file:', 'file:///etc/passwd'],
  ])('rejects a %s URL', (_, referer) => {
    expect(sameSiteReferer(request({ referer }))).toBeUndefined();
  });

  it.each([
    ['protocol-relative to another site', '//evil.example/fixture/notes'],
    ['protocol-relative to this host', `//${HOST}/fixture/notes`],
    ['a bare path', '/fixture/notes'],
    ['malformed', 'http://'],
    ['not a URL at all', 'not a url'],
    ['empty', ''],
  ])('rejects a %s referer', (_, referer) => {
    expect(sameSiteReferer(request({ referer }))).toBeUndefined();
  });

  it.each([
    ['a double slash', `http://${HOST}//evil.example/fixture/notes`],
    ['a backslash', `http://${HOST}/\\evil.example/fixture/notes`],
  ])('never returns a protocol-relative link to another site, whatever a page path starting with %s says', (_, referer) => {
    const path = sameSiteReferer(request({ referer }));

    expect(path === undefined || !/^[/\\]{2}/.test(path)).toBe(true);
    expect(path === undefined || new URL(path, `http://${HOST}`).host === HOST).toBe(true);
  });

  it('rejects any referer when the request names no host', () => {
    expect(sameSiteReferer(request({ referer: `http://${HOST}/fixture/notes`, host: undefined }))).toBeUndefined();
  });

  it('matches the host whatever its case, as browsers and DNS do', () => {
    expect(
      sameSiteReferer({ method: 'GET', url: '/x', referer: 'http://app.example.test:3000/posts', host: 'App.Example.TEST:3000' }),
    ).toBe('/posts');
  });

  it('returns nothing without a referer', () => {
    expect(sameSiteReferer(request())).toBeUndefined();
  });
});

describe('errorActions', () => {
  it('offers the form again, then home, for an expired form (CSRF) from a page of this site', () => {
    const actions = errorActions(403, request({ method: 'POST', referer: `http://${HOST}/fixture/notes?page=3` }), { formExpired: true });

    expect(actions).toEqual([{ href: '/fixture/notes?page=3', label: 'Go back to the form and submit it again' }, HOME]);
  });

  it('offers the expired form again even when it posts to its own address', () => {
    const actions = errorActions(403, request({ method: 'POST', url: '/fixture/notes', referer: `http://${HOST}/fixture/notes` }), {
      formExpired: true,
    });

    expect(actions[0]).toEqual({ href: '/fixture/notes', label: 'Go back to the form and submit it again' });
  });

  it("offers the previous page, not the form again, for a component's 403 (someone else's post): a 403 alone is no expired form", () => {
    const actions = errorActions(403, request({ method: 'GET', url: '/fixture/notes/1/delete', referer: `http://${HOST}/fixture/notes` }));

    expect(actions).toEqual([{ href: '/fixture/notes', label: 'Go back to the previous page' }, HOME]);
  });

  it('offers the form the attempt came from after a 429 (too many attempts), so the user can try again later', () => {
    const actions = errorActions(429, request({ method: 'POST', url: '/accounts/sign-in', referer: `http://${HOST}/accounts/sign-in` }));

    expect(actions).toEqual([{ href: '/accounts/sign-in', label: 'Go back to the previous page' }, HOME]);
  });

  it.each([
    ['no referer', undefined],
    ['a referer on another site', 'https://evil.example/form'],
  ])('offers only home for an expired form with %s', (_, referer) => {
    expect(errorActions(403, request({ method: 'POST', referer }), { formExpired: true })).toEqual([HOME]);
  });

  it('offers to try the same address again, query included, after a 500 on GET', () => {
    expect(errorActions(500, request({ url: '/fixture/notes?page=2', referer: `http://${HOST}/` }))).toEqual([
      { href: '/fixture/notes?page=2', label: 'Try again' },
      HOME,
    ]);
  });

  it.each([
    ['an absolute-form request target', 'http://evil.example/fixture/notes'],
    ['a path starting with a double slash', '//evil.example/fixture/notes'],
  ])('never offers to try again at another site, whatever %s says', (_, url) => {
    const hrefs = errorActions(500, request({ url })).map((action) => action.href);

    expect(hrefs.every((href) => new URL(href, `http://${HOST}`).host === HOST)).toBe(true);
  });

  it('does not offer to repeat a failed POST, but the page it came from, even when the form posts to its own address', () => {
    expect(
      errorActions(500, request({ method: 'POST', url: '/fixture/notes/1/delete', referer: `http://${HOST}/fixture/notes/1/delete` })),
    ).toEqual([{ href: '/fixture/notes/1/delete', label: 'Go back to the previous page' }, HOME]);
    expect(errorActions(500, request({ method: 'POST', url: '/fixture/notes/1/delete', referer: `http://${HOST}/fixture/notes` }))).toEqual(
      [{ href: '/fixture/notes', label: 'Go back to the previous page' }, HOME],
    );
    expect(errorActions(503, request({ method: 'POST' }))).toEqual([HOME]);
  });

  it('offers only home for a 404, even from a page of this site', () => {
    expect(errorActions(404, request({ url: '/missing', referer: `http://${HOST}/fixture/notes` }))).toEqual([HOME]);
  });

  it.each([400, 409, 413])('offers the previous page, then home, for a %i', (status) => {
    expect(
      errorActions(status, request({ method: 'POST', url: '/fixture/notes', referer: `http://${HOST}/fixture/notes?page=2` })),
    ).toEqual([{ href: '/fixture/notes?page=2', label: 'Go back to the previous page' }, HOME]);
  });

  it.each([400, 409])('does not offer a %i’s own address as the way back', (status) => {
    const actions = errorActions(status, request({ url: '/fixture/notes?page=x', referer: `http://${HOST}/fixture/notes?page=x` }));

    expect(actions).toEqual([HOME]);
  });

  it.each([400, 409, 500])('offers only home for a %i reached from another site', (status) => {
    expect(errorActions(status, request({ method: 'POST', referer: 'https://evil.example/fixture/notes' }))).toEqual([HOME]);
  });

  it('always ends with the way home', () => {
    for (const status of [400, 403, 404, 409, 413, 418, 500, 502]) {
      for (const method of ['GET', 'POST']) {
        expect(errorActions(status, request({ method, referer: `http://${HOST}/elsewhere` })).at(-1)).toEqual(HOME);
      }
    }
  });
});
