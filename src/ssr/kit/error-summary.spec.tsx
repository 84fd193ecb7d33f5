import { tagsOf, tagWithId, textOf } from '../../testing/html/html-tags';
import { renderFragment } from '../../testing/render-fragment';
import { ErrorSummary, TextAreaField, TextField } from '.';

/** The summary's links as a keyboard user meets them: target and words. */
const linksOf = (html: string) => [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => ({ href, text }));

describe('ErrorSummary', () => {
  it('renders nothing when no field has an error', () => {
    expect(renderFragment(<ErrorSummary errors={{}} />)).toBe('');
    expect(renderFragment(<ErrorSummary errors={{ title: undefined, content: '' }} />)).toBe('');
  });

  it('links each error to its field by the field name, in the order given', () => {
    const html = renderFragment(
      <ErrorSummary
        errors={{ title: 'Enter a title.', displayName: 'Enter the name to show on your posts.', content: 'Shorten the text.' }}
      />,
    );

    expect(linksOf(html)).toEqual([
      { href: '#title', text: 'Enter a title.' },
      { href: '#displayName', text: 'Enter the name to show on your posts.' },
      { href: '#content', text: 'Shorten the text.' },
    ]);
  });

  it('leaves out the fields without a message', () => {
    const html = renderFragment(
      <ErrorSummary errors={{ title: undefined, displayName: 'Enter the name to show on your posts.', content: '' }} />,
    );

    expect(linksOf(html)).toEqual([{ href: '#displayName', text: 'Enter the name to show on your posts.' }]);
  });

  it('is announced on load as an alert titled "There is a problem"', () => {
    const html = renderFragment(<ErrorSummary errors={{ title: 'Enter a title.' }} />);

    const summary = tagsOf(html)[0];
    expect(summary.attributes.role).toBe('alert');
    const heading = tagWithId(html, summary.attributes['aria-labelledby']);
    expect(heading.name).toBe('h2');
    expect(html).toMatch(/<h2 [^>]*>There is a problem<\/h2>/);
  });

  it('escapes markup in the messages', () => {
    const html = renderFragment(<ErrorSummary errors={{ title: 'Not <script>alert(1)</script>' }} />);

    expect(linksOf(html)).toEqual([{ href: '#title', text: 'Not &lt;script&gt;alert(1)&lt;/script&gt;' }]);
    expect(html).not.toContain('<script>');
  });

  it('links to controls that exist in a form built from the kit’s fields', () => {
    const errors = { title: 'Enter a title.', content: 'Shorten the text.' };
    const html = renderFragment(
      <form>
        <ErrorSummary errors={errors} />
        <TextField name="title" label="Title" error={errors.title} />
        <TextAreaField name="content" label="Content" error={errors.content} />
      </form>,
    );

    const targets = linksOf(html).map((link) => tagWithId(html, link.href.slice(1)).name);
    expect(targets).toEqual(['input', 'textarea']);
    expect(textOf(html)).toContain('Error: Enter a title.');
  });
});
