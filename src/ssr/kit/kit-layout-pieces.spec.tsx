import { tagsOf, tagWithId, textOf } from '../../testing/html/html-tags';
import { renderFragment } from '../../testing/render-fragment';
import { Button, ButtonLink, ButtonVariant, Card, DetailsList, FlashMessage, PageHeader } from '.';

const VARIANTS: ButtonVariant[] = ['primary', 'secondary', 'destructive'];

describe('Button', () => {
  it('is a primary submit button by default', () => {
    expect(renderFragment(<Button>Add post</Button>)).toBe('<button type="submit" class="button button-primary">Add post</button>');
  });

  it.each(VARIANTS)('carries the class of the %s variant', (variant) => {
    expect(tagsOf(renderFragment(<Button variant={variant}>Go</Button>), 'button')[0].attributes.class).toBe(`button button-${variant}`);
  });

  it('can be a plain button that submits nothing', () => {
    expect(tagsOf(renderFragment(<Button type="button">Show</Button>), 'button')[0].attributes.type).toBe('button');
  });

  it('has an aria-label only when given one', () => {
    const labelled = renderFragment(<Button aria-label="Delete “First steps”">Delete</Button>);
    const plain = renderFragment(<Button>Delete</Button>);

    expect(tagsOf(labelled, 'button')[0].attributes['aria-label']).toBe('Delete “First steps”');
    expect(tagsOf(plain, 'button')[0].attributes).not.toHaveProperty('aria-label');
  });

  it('escapes its text', () => {
    expect(renderFragment(<Button>{'<b>Go</b>'}</Button>)).toContain('>&lt;b&gt;Go&lt;/b&gt;</button>');
  });
});

describe('ButtonLink', () => {
  it('is a link to its href that looks like a primary button by default', () => {
    expect(renderFragment(<ButtonLink href="/fixture/notes/1/delete">Delete</ButtonLink>)).toBe(
      '<a href="/fixture/notes/1/delete" class="button button-primary">Delete</a>',
    );
  });

  it.each(VARIANTS)('carries the class of the %s variant', (variant) => {
    const link = tagsOf(
      renderFragment(
        <ButtonLink href="/x" variant={variant}>
          Go
        </ButtonLink>,
      ),
      'a',
    )[0];

    expect(link.attributes.class).toBe(`button button-${variant}`);
  });

  it('has an aria-label only when given one', () => {
    const labelled = renderFragment(
      <ButtonLink href="/x" aria-label="Delete “First steps”">
        Delete
      </ButtonLink>,
    );
    const plain = renderFragment(<ButtonLink href="/x">Delete</ButtonLink>);

    expect(tagsOf(labelled, 'a')[0].attributes['aria-label']).toBe('Delete “First steps”');
    expect(tagsOf(plain, 'a')[0].attributes).not.toHaveProperty('aria-label');
  });

  it('escapes a quote in its href, so it cannot add attributes', () => {
    const link = tagsOf(renderFragment(<ButtonLink href={'/search?q=" onmouseover="x'}>Search</ButtonLink>), 'a')[0];

    expect(link.attributes).toEqual({ href: '/search?q=&quot; onmouseover=&quot;x', class: 'button button-primary' });
  });
});

describe('Card', () => {
  it('is an article labelled by its title, an h2 by default', () => {
    const html = renderFragment(<Card id="post-1" title="First steps" />);

    const card = tagsOf(html)[0];
    expect(card).toMatchObject({ name: 'article', attributes: { class: 'card' } });
    expect(tagWithId(html, card.attributes['aria-labelledby'])).toMatchObject({ name: 'h2', attributes: { id: 'post-1-title' } });
    expect(html).toMatch(/<h2 [^>]*>First steps<\/h2>/);
  });

  it('uses an h3 under a section heading', () => {
    const html = renderFragment(<Card id="post-1" title="First steps" headingLevel={3} />);

    expect(tagWithId(html, 'post-1-title').name).toBe('h3');
    expect(tagsOf(html, 'h2')).toEqual([]);
  });

  it('is a section when it is a panel rather than an item of a list', () => {
    const html = renderFragment(<Card id="new-post" title="New post" as="section" />);

    expect(tagsOf(html)[0]).toMatchObject({ name: 'section', attributes: { 'aria-labelledby': 'new-post-title' } });
    expect(tagsOf(html, 'article')).toEqual([]);
  });

  it('shows no badge, meta or actions when none are given', () => {
    const html = renderFragment(<Card id="post-1" title="First steps" />);

    expect(html).not.toContain('card-meta');
    expect(html).not.toContain('card-actions');
    expect(textOf(html)).toBe('First steps');
  });

  it('shows the badge beside the title, the meta under it, then the body and the actions last', () => {
    const html = renderFragment(
      <Card
        id="post-1"
        title="First steps"
        badge={<span className="badge">Draft</span>}
        meta="By Ada"
        actions={<a href="/fixture/notes/1/delete">Delete</a>}
      >
        <p>Body text</p>
      </Card>,
    );

    expect(textOf(html)).toBe('First stepsDraftBy AdaBody textDelete');
    expect(html).toContain('<div class="card-meta">By Ada</div>');
    expect(html).toContain('<div class="card-actions"><a href="/fixture/notes/1/delete">Delete</a></div>');
  });

  it('escapes markup in its title', () => {
    const html = renderFragment(<Card id="post-1" title="<img src=x onerror=alert(1)>" />);

    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tagsOf(html, 'img')).toEqual([]);
  });
});

describe('PageHeader', () => {
  it('has exactly one h1 with the title, and no caption or lead unless given', () => {
    const html = renderFragment(<PageHeader title="Posts" />);

    expect(html).toBe('<header class="page-header"><h1>Posts</h1></header>');
  });

  it('puts the caption above the heading and the lead under it', () => {
    const html = renderFragment(<PageHeader title="Page not found" caption="Error 404" lead="Check the link." />);

    expect(tagsOf(html, 'h1')).toHaveLength(1);
    expect(html).toBe(
      '<header class="page-header"><p class="page-caption">Error 404</p><h1>Page not found</h1><p class="page-lead">Check the link.</p></header>',
    );
  });

  it('gives the heading an id only when asked, for a section labelled by it', () => {
    expect(tagsOf(renderFragment(<PageHeader title="Oops" headingId="error-heading" />), 'h1')[0].attributes).toEqual({
      id: 'error-heading',
    });
  });

  it('escapes markup in its title, caption and lead', () => {
    const html = renderFragment(<PageHeader title="<i>T</i>" caption="<b>C</b>" lead="<u>L</u>" />);

    expect(textOf(html)).toBe('&lt;b&gt;C&lt;/b&gt;&lt;i&gt;T&lt;/i&gt;&lt;u&gt;L&lt;/u&gt;');
  });
});

describe('FlashMessage', () => {
  it('is a status message, announced without interrupting, with its text escaped', () => {
    expect(renderFragment(<FlashMessage text="Post “<b>x</b>” added." />)).toBe(
      '<div class="flash" role="status">Post “&lt;b&gt;x&lt;/b&gt;” added.</div>',
    );
  });
});

describe('DetailsList', () => {
  it('is one definition list with each label and its value side by side, in order, escaped', () => {
    const html = renderFragment(
      <DetailsList
        items={[
          { term: 'Email address', details: 'ada@example.test' },
          { term: 'Name', details: <strong>{'<Ada>'}</strong> },
        ]}
      />,
    );

    expect(html).toBe(
      '<dl class="details-list">' +
        '<div class="details-list-item"><dt>Email address</dt><dd>ada@example.test</dd></div>' +
        '<div class="details-list-item"><dt>Name</dt><dd><strong>&lt;Ada&gt;</strong></dd></div>' +
        '</dl>',
    );
  });
});
