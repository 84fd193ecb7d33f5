import { tagsOf, textOf } from '../../testing/html/html-tags';
import { renderFragment } from '../../testing/render-fragment';
import { ConfirmationPage } from '.';

const render = (csrfToken = () => 'token-7') =>
  renderFragment(
    <ConfirmationPage
      title="Delete “First <steps>”?"
      message={<p>The post and its text are removed. This cannot be undone.</p>}
      action="/fixture/notes/42/delete"
      confirmLabel="Delete post"
      cancelHref="/fixture/notes"
    />,
    { csrfToken },
  );

/** The markup of the page's one form. */
const formOf = (html: string) => /<form [^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';

describe('ConfirmationPage', () => {
  it('asks its question as the page’s one h1, escaped', () => {
    const html = render();

    expect(tagsOf(html, 'h1')).toHaveLength(1);
    expect(html).toContain('<h1>Delete “First &lt;steps&gt;”?</h1>');
  });

  it('says what will happen before the buttons', () => {
    const html = render();

    expect(textOf(html)).toMatch(/This cannot be undone\.Delete postCancel$/);
  });

  it('confirms with one form that posts to the action', () => {
    const forms = tagsOf(render(), 'form');

    expect(forms).toHaveLength(1);
    expect(forms[0].attributes).toMatchObject({ method: 'post', action: '/fixture/notes/42/delete' });
  });

  it('carries the CSRF token of the render context inside the form', () => {
    const hidden = tagsOf(formOf(render(() => 'token-99')), 'input');

    expect(hidden).toEqual([{ name: 'input', attributes: { type: 'hidden', name: '_csrf', value: 'token-99' } }]);
  });

  it('submits with one destructive button bearing the confirm label', () => {
    const form = formOf(render());

    expect(tagsOf(form, 'button')).toEqual([{ name: 'button', attributes: { type: 'submit', class: 'button button-destructive' } }]);
    expect(form).toMatch(/<button [^>]*>Delete post<\/button>/);
  });

  it('offers Cancel as a link back that changes nothing', () => {
    const links = [...render().matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attributes, text]) => ({
      text,
      href: /href="([^"]*)"/.exec(attributes)?.[1],
    }));

    expect(links).toEqual([{ text: 'Cancel', href: '/fixture/notes' }]);
  });
});
