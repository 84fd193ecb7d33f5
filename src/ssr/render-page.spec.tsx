import { renderToString } from 'react-dom/server';
import type { NavigationEntry } from '../platform/component-meta';
import { CsrfField } from './kit';
import { renderPage } from './render-page';

const navigation: NavigationEntry[] = [
  { componentId: 'system', label: 'Home', path: '/', order: 0 },
  { componentId: 'notes', label: 'Notes', path: '/notes/list', order: 10 },
  { componentId: 'shop', label: 'Shop', path: '/shop', order: 20 },
];

const render = (currentPath: string, page = <p>hi</p>, csrfToken = () => 'token-1') =>
  renderPage(page, { title: 'T', context: { currentPath, csrfToken }, navigation });

const headOf = (html: string) => html.match(/<head>([\s\S]*?)<\/head>/)?.[1] ?? '';
const bodyOf = (html: string) => html.match(/<body>([\s\S]*?)<\/body>/)?.[1] ?? '';

/** The main navigation's links as a reader meets them: label, target, and whether it is marked current. */
function navLinks(html: string) {
  const nav = html.match(/<nav class="site-nav" aria-label="Main">([\s\S]*?)<\/nav>/)?.[1] ?? '';
  return [...nav.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attributes, label]) => ({
    label,
    href: attributes.match(/href="([^"]*)"/)?.[1],
    current: /aria-current="page"/.test(attributes),
  }));
}

const currentLabels = (html: string) =>
  navLinks(html)
    .filter((link) => link.current)
    .map((link) => link.label);

describe('renderPage', () => {
  it('returns a complete HTML5 document in English with charset, viewport and the site title', () => {
    const html = render('/notes/list');

    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    const head = headOf(html);
    expect(head).toContain('<meta charSet="utf-8"/>');
    expect(head).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(head).toContain('<title>T · Component Platform</title>');
  });

  it("links the layout's and the UI kit's stylesheets in the head, the kit's after the layout's", () => {
    const html = render('/notes/list');

    const stylesheets = [...headOf(html).matchAll(/<link rel="stylesheet" href="([^"]*)" data-precedence="layout"\/>/g)].map(
      ([, href]) => href,
    );
    expect(stylesheets).toEqual(['/static/__source__/src/ssr/layout/layout.css', '/static/__source__/src/ssr/kit/kit.css']);
    expect(bodyOf(html)).not.toContain('stylesheet');
  });

  it('links the favicon in the head', () => {
    expect(headOf(render('/notes/list'))).toContain(
      '<link rel="icon" href="/static/__source__/src/ssr/layout/favicon.svg" type="image/svg+xml"/>',
    );
  });

  it('prefixes the document title with "Error: " for a page showing a rejected form, and only then', () => {
    const invalid = renderPage(<p>form</p>, {
      title: 'Posts',
      context: { currentPath: '/', csrfToken: () => 't' },
      invalid: true,
      navigation,
    });
    const valid = renderPage(<p>form</p>, { title: 'Posts', context: { currentPath: '/', csrfToken: () => 't' }, navigation });

    expect(headOf(invalid)).toContain('<title>Error: Posts · Component Platform</title>');
    expect(headOf(valid)).toContain('<title>Posts · Component Platform</title>');
  });

  it('shows the flash message of the context once, as a status at the top of main before the page', () => {
    const html = renderPage(<p>hi</p>, {
      title: 'T',
      context: { currentPath: '/', csrfToken: () => 't', flash: () => 'Post “<b>x</b>” added.' },
      navigation,
    });

    expect(html.match(/role="status"/g)).toHaveLength(1);
    expect(html).toMatch(
      /<main id="main"[^>]*><div class="flash" role="status">Post “&lt;b&gt;x&lt;\/b&gt;” added\.<\/div><p>hi<\/p><\/main>/,
    );
  });

  it('shows no flash message when the context has none', () => {
    const without = render('/');
    const empty = renderPage(<p>hi</p>, {
      title: 'T',
      context: { currentPath: '/', csrfToken: () => 't', flash: () => undefined },
      navigation,
    });

    for (const html of [without, empty]) {
      expect(html).not.toContain('role="status"');
      expect(html).toMatch(/<main id="main"[^>]*><p>hi<\/p><\/main>/);
    }
  });

  it('lists the navigation entries in the order given', () => {
    expect(navLinks(render('/notes/list'))).toEqual([
      { label: 'Home', href: '/', current: false },
      { label: 'Notes', href: '/notes/list', current: true },
      { label: 'Shop', href: '/shop', current: false },
    ]);
  });

  it('marks exactly the entry of the current page as current', () => {
    const html = render('/shop');

    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(currentLabels(html)).toEqual(['Shop']);
  });

  it('marks an entry current on the pages below its path', () => {
    expect(currentLabels(render('/notes/list/123'))).toEqual(['Notes']);
  });

  it('does not mark an entry current for a path that merely starts with the same letters', () => {
    expect(currentLabels(render('/shopping'))).toEqual([]);
  });

  it('marks the home entry current only on the home page itself', () => {
    expect(currentLabels(render('/'))).toEqual(['Home']);
    expect(currentLabels(render('/unknown'))).toEqual([]);
  });

  it('puts the page inside the main landmark', () => {
    const html = render('/notes/list');

    expect(html).toMatch(/<main id="main"[^>]*><p>hi<\/p><\/main>/);
  });

  it('hoists a stylesheet the page renders into the head', () => {
    const page = (
      <section>
        <link rel="stylesheet" href="/x.css" precedence="component" />
        <p>styled</p>
      </section>
    );

    const html = render('/notes/list', page);

    expect(headOf(html)).toContain('href="/x.css"');
    expect(bodyOf(html)).not.toContain('/x.css');
    expect(bodyOf(html)).toContain('<p>styled</p>');
  });

  it("gives every form's CsrfField the request's token", () => {
    const html = render(
      '/notes/list',
      <>
        <form>
          <CsrfField />
        </form>
        <form>
          <CsrfField />
        </form>
      </>,
      () => 'token-42',
    );

    expect(html.match(/<input type="hidden" name="_csrf" value="token-42"\/>/g)).toHaveLength(2);
  });

  it('asks for no CSRF token when the page has no form', () => {
    const csrfToken = jest.fn(() => 'unused');

    render('/notes/list', <p>read only</p>, csrfToken);

    expect(csrfToken).not.toHaveBeenCalled();
  });

  it('says how to fix a CsrfField rendered outside renderPage', () => {
    expect(() => renderToString(<CsrfField />)).toThrow(
      'rendered outside renderPage(): render pages with renderPage(page, { title, context })',
    );
  });
});
