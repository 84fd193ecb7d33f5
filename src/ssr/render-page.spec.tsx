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

  it('links the layout stylesheet in the head', () => {
    const head = headOf(render('/notes/list'));

    expect(head).toContain('<link rel="stylesheet" href="/static/__source__/src/ssr/layout/layout.css" data-precedence="layout"/>');
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
