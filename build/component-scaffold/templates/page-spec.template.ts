import type { ComponentNames } from '../component-names';

/** ui/<Pascal>ListPage.spec.tsx: the page rendered to a string, as a user would read it. */
export function pageSpecTemplate(n: ComponentNames): string {
  return `import { displayDate } from '../../../ssr/display-date';
import { renderFragment } from '../../../testing/render-fragment';
import { EMPTY_ITEM_FORM, ItemForm } from '../item-form';
import { ListItem, ${n.pageComponent} } from './${n.pageComponent}';

const item: ListItem = {
  id: 'item-1',
  name: 'Dune',
  notes: 'Read it twice.',
  createdAt: displayDate(new Date('2025-10-21T10:00:00.000Z')),
};

const page = (items: ListItem[] = [item], form: ItemForm = { values: EMPTY_ITEM_FORM, errors: {} }) =>
  renderFragment(<${n.pageComponent} items={items} form={form} />, { csrfToken: () => 'token-123' });

/** The start tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const tag = html.match(new RegExp(\`<[a-z]+ [^>]*\\\\bid="\${id}"[^>]*>\`))?.[0];
  if (!tag) throw new Error(\`no element with id="\${id}" in:\\n\${html}\`);
  return tag;
}

describe('${n.pageComponent}', () => {
  it('has one heading, the component title', () => {
    expect(page().match(/<h1[ >]/g)).toHaveLength(1);
    expect(page()).toMatch(/<h1[^>]*>${n.title}<\\/h1>/);
  });

  it('posts the form to ${n.path} with the CSRF token', () => {
    const html = page();

    const form = html.match(/<form [^>]*>/)?.[0] ?? '';
    expect(form).toContain('method="post"');
    expect(form).toContain('action="${n.path}"');
    expect(html).toContain('<input type="hidden" name="_csrf" value="token-123"/>');
  });

  it.each(['name', 'notes'])('labels the %s control and submits it under that name', (field) => {
    const html = page();

    expect(html).toMatch(new RegExp(\`<label [^>]*for="\${field}"[^>]*>[^<]+</label>\`));
    expect(tagWithId(html, field)).toContain(\`name="\${field}"\`);
  });

  it('lists each item with its notes and date, and escapes what users typed', () => {
    const html = page([item, { ...item, id: 'item-2', name: '<script>alert(1)</script>', notes: null }]);

    expect(html).toContain('Read it twice.');
    expect(html).toContain('<time dateTime="2025-10-21T10:00:00.000Z">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says there are no items yet when the list is empty, and only then', () => {
    expect(page([])).toContain('No items yet.');
    expect(page()).not.toContain('No items yet.');
  });

  it('after a rejected submit, sums up the problems, marks the field and keeps what was typed', () => {
    const html = page([], { values: { ...EMPTY_ITEM_FORM, notes: 'Kept <notes>' }, errors: { name: 'Enter a name.' } });

    expect(html).toMatch(/role="alert"/);
    expect(html).toContain('href="#name"');
    expect(tagWithId(html, 'name')).toContain('aria-invalid="true"');
    expect(tagWithId(html, 'name')).toMatch(/aria-describedby="[^"]*name-error/);
    expect(tagWithId(html, 'name-error')).toBeDefined();
    expect(html).toMatch(/<textarea [^>]*id="notes"[^>]*>\\s*Kept &lt;notes&gt;<\\/textarea>/);
    expect(tagWithId(html, 'notes')).not.toContain('aria-invalid');
  });

  it('shows no problem summary on a fresh form', () => {
    expect(page()).not.toContain('role="alert"');
  });
});
`;
}

/** ui/<Pascal>Page.spec.tsx of a component without data. */
export function simplePageSpecTemplate(n: ComponentNames): string {
  return `import { renderFragment } from '../../../testing/render-fragment';
import { ${n.pageComponent} } from './${n.pageComponent}';

const page = () => renderFragment(<${n.pageComponent} title="${n.title}" lead="A <short> lead." nextSteps={['First step', 'Second step']} />);

describe('${n.pageComponent}', () => {
  it('shows the title as the one heading and the lead, escaped', () => {
    const html = page();

    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>${n.title}<\\/h1>/);
    expect(html).toContain('A &lt;short&gt; lead.');
  });

  it('lists the next steps in order', () => {
    expect(page()).toMatch(/<li>First step<\\/li><li>Second step<\\/li>/);
  });
});
`;
}
