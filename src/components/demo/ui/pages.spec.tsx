import { displayDate } from '../../../ssr/display-date';
import { renderFragment } from '../../../testing/render-fragment';
import { EMPTY_POST_FORM, PostFormErrors, PostFormValues } from '../post-form';
import { PostCard, PostCardProps } from './PostCard';
import { PostForm } from './PostForm';
import { ListPaging, PostListPage, PostListPageProps } from './PostListPage';

const post: PostCardProps = {
  id: 'post-1',
  title: 'First steps',
  content: 'Hello there.',
  authorName: 'Ada Lovelace',
  status: 'PUBLISHED',
  createdAt: displayDate(new Date('2025-10-21T10:00:00.000Z')),
  canDelete: true,
};

const SIGN_IN_HREF = '/accounts/sign-in?returnTo=%2Fdemo%2Fposts';

const inPage = { csrfToken: () => 'token-123' };

const card = (changes: Partial<PostCardProps> = {}) => renderFragment(<PostCard {...post} {...changes} />, inPage);

const listPage = (paging: Partial<ListPaging> = {}, changes: Partial<PostListPageProps> = {}) =>
  renderFragment(
    <PostListPage
      posts={[post]}
      paging={{ page: 1, totalPages: 1, pageSize: 20, pageSizes: [20, 50], ...paging }}
      form={{ values: EMPTY_POST_FORM, errors: {} }}
      signInHref={SIGN_IN_HREF}
      {...changes}
    />,
    inPage,
  );

const form = (values: PostFormValues = EMPTY_POST_FORM, errors: PostFormErrors = {}) =>
  renderFragment(<PostForm values={values} errors={errors} />, inPage);

/** The text a reader sees: tags and React's text separators removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of a post card's content paragraph. */
const contentOf = (html: string) => visibleText(html.match(/<p class="post-content">([\s\S]*?)<\/p>/)?.[1] ?? '');

/** The start tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const tag = html.match(new RegExp(`<[a-z]+ [^>]*\\bid="${id}"[^>]*>`))?.[0];
  if (!tag) throw new Error(`no element with id="${id}" in:\n${html}`);
  return tag;
}

/** The markup of the `.field` block holding the control with this id. */
function fieldBlock(html: string, id: string): string {
  const block = html.split(/<div class="field[^"]*">/).find((part) => part.includes(`id="${id}"`));
  if (!block) throw new Error(`no field for id="${id}"`);
  return block.slice(0, block.indexOf('</div>'));
}

describe('PostCard', () => {
  it('shows the title, the author and the date in words', () => {
    const text = visibleText(card());

    expect(text).toContain('First steps');
    expect(text).toContain('by Ada Lovelace');
    expect(text).toContain('October 21, 2025');
  });

  it('keeps the machine-readable date on the time element', () => {
    expect(card()).toContain('<time dateTime="2025-10-21T10:00:00.000Z">');
  });

  it('cuts content longer than 200 characters to 200 and adds an ellipsis', () => {
    const html = card({ content: `${'a'.repeat(200)}${'b'.repeat(50)}` });

    expect(contentOf(html)).toBe(`${'a'.repeat(200)}…`);
  });

  it('shows content of exactly 200 characters whole, without an ellipsis', () => {
    expect(contentOf(card({ content: 'a'.repeat(200) }))).toBe('a'.repeat(200));
  });

  it('shows no content paragraph for a post without content', () => {
    expect(card({ content: null })).not.toContain('post-content');
  });

  it.each([
    ['DRAFT', 'status-draft'],
    ['PUBLISHED', 'status-published'],
    ['ARCHIVED', 'status-archived'],
  ] as const)('shows the %s status as a badge with class %s', (status, className) => {
    expect(card({ status })).toContain(`<span class="status-badge ${className}">${status}</span>`);
  });

  it('offers its author a Delete link to the post’s confirmation page, named after the post, and no form that deletes at once', () => {
    const html = card();

    expect(html).toMatch(
      /<a href="\/demo\/posts\/post-1\/delete" class="button button-secondary" aria-label="Delete “First steps”">Delete<\/a>/,
    );
    expect(html).not.toContain('<form');
  });

  it('offers no Delete link to anyone but the author', () => {
    const html = card({ canDelete: false });

    expect(html).not.toContain('/delete');
    expect(visibleText(html)).not.toContain('Delete');
  });

  it('escapes markup typed by users in the title, content and author name', () => {
    const attack = '<script>alert(1)</script>';

    const html = card({ title: attack, content: attack, authorName: attack });

    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(visibleText(html)).toContain(`by ${attack}`);
  });
});

describe('PostListPage', () => {
  it('shows every post, with a delete link on each of the reader’s own and on no other', () => {
    const html = listPage(
      {},
      {
        posts: [
          post,
          { ...post, id: 'post-2', title: 'Second thoughts', canDelete: false },
          { ...post, id: 'post-3', title: 'Third time' },
        ],
      },
    );

    expect(visibleText(html)).toContain('First steps');
    expect(visibleText(html)).toContain('Second thoughts');
    expect(html).toContain('href="/demo/posts/post-1/delete"');
    expect(html).not.toContain('href="/demo/posts/post-2/delete"');
    expect(html).toContain('href="/demo/posts/post-3/delete"');
  });

  it('shows a signed-in reader the add-post form and no sign-in prompt', () => {
    const html = listPage();

    expect(html).toMatch(/<form [^>]*action="\/demo\/posts" method="post">/);
    expect(html).not.toContain('sign-in-prompt');
  });

  it('shows a signed-out reader a link to sign in, coming back to the list, instead of the form', () => {
    const html = listPage({}, { form: null });

    expect(html).not.toContain('<form');
    expect(html).not.toContain('Add a post');
    expect(html).toContain(
      `<p class="sign-in-prompt"><a href="${SIGN_IN_HREF.replace(/&/g, '&amp;')}">Sign in</a> to add a post or delete your own.</p>`,
    );
    expect(visibleText(html)).toContain('Sign in to add a post or delete your own.');
  });

  it('says there are no posts yet when the list is empty, pointing at the form or, signed out, at signing in', () => {
    expect(visibleText(listPage({}, { posts: [] }))).toContain('No posts yet. Add your first post above!');
    expect(visibleText(listPage({}, { posts: [], form: null }))).toContain('No posts yet. Sign in to write the first one.');
  });

  it('does not show the empty-state text when there are posts', () => {
    expect(visibleText(listPage())).not.toContain('No posts yet');
  });

  it('shows no pagination when everything fits on one page', () => {
    const html = listPage({ page: 1, totalPages: 1 });

    expect(html).not.toContain('pagination');
    expect(html).not.toContain('?page=');
  });

  it('links to the newer and the older page from a middle page', () => {
    const html = listPage({ page: 2, totalPages: 3 });

    expect(html).toMatch(/<a href="\/demo\/posts"[^>]*>Newer posts<\/a>/);
    expect(html).toMatch(/<a href="\/demo\/posts\?page=3"[^>]*>Older posts<\/a>/);
    expect(visibleText(html)).toContain('Page 2 of 3');
  });

  it('keeps a chosen page size in the links to other pages', () => {
    const html = listPage({ page: 2, totalPages: 3, pageSize: 50 });

    expect(html).toMatch(/<a href="\/demo\/posts\?size=50"[^>]*>Newer posts<\/a>/);
    expect(html).toMatch(/<a href="\/demo\/posts\?page=3&amp;size=50"[^>]*>Older posts<\/a>/);
  });

  it('offers the other page sizes as links and marks the one shown', () => {
    const html = listPage({ page: 1, totalPages: 2, pageSize: 20 });

    expect(html).toMatch(/<strong aria-current="true">20<\/strong>/);
    expect(html).toMatch(/<a href="\/demo\/posts\?size=50">50<\/a>/);
    expect(visibleText(html)).toContain('Posts per page: 20 · 50');
  });

  it('offers no page size choice when every post fits on a page of the default size', () => {
    expect(listPage({ page: 1, totalPages: 1 })).not.toContain('Posts per page');
  });

  it('links only to older posts from the first page and only to newer posts from the last', () => {
    const first = listPage({ page: 1, totalPages: 3 });
    const last = listPage({ page: 3, totalPages: 3 });

    expect(first).toMatch(/<a href="\/demo\/posts\?page=2"[^>]*>Older posts<\/a>/);
    expect(first).not.toContain('Newer posts');
    expect(last).toMatch(/<a href="\/demo\/posts\?page=2"[^>]*>Newer posts<\/a>/);
    expect(last).not.toContain('Older posts');
  });
});

describe('PostForm', () => {
  const fields = ['title', 'content', 'status'];

  it('posts to /demo/posts with the CSRF token', () => {
    const html = form();

    const start = html.match(/<form [^>]*>/)?.[0] ?? '';
    expect(start).toContain('method="post"');
    expect(start).toContain('action="/demo/posts"');
    expect(html).toContain('<input type="hidden" name="_csrf" value="token-123"/>');
  });

  it('asks for no author: the post is by the signed-in account', () => {
    const html = form();

    expect(html).not.toMatch(/name="author/);
    expect(visibleText(html)).not.toMatch(/author/i);
  });

  it.each(fields)('labels the %s control (for/id pair) and submits it under that name', (field) => {
    const html = form();

    expect(html).toMatch(new RegExp(`<label class="field-label" for="${field}">[^<]+</label>`));
    expect(tagWithId(html, field)).toMatch(/^<(input|textarea|select) /);
    expect(tagWithId(html, field)).toContain(`name="${field}"`);
  });

  it('shows the user’s input again after an invalid submit', () => {
    const html = form(
      { title: 'My <b>title</b>', content: 'Kept text', status: 'ARCHIVED' },
      { content: 'Keep the content to 10,000 characters or fewer.' },
    );

    expect(tagWithId(html, 'title')).toContain('value="My &lt;b&gt;title&lt;/b&gt;"');
    expect(html).toMatch(/<textarea [^>]*id="content"[^>]*>\s*Kept text<\/textarea>/);
    expect(html).toMatch(/<option value="ARCHIVED" selected="">Archived<\/option>/);
    expect(html.match(/selected=""/g)).toHaveLength(1);
  });

  it.each(fields)('shows the %s error right under its field and links the two for screen readers', (field) => {
    const message = `Problem with ${field}.`;

    const html = form(EMPTY_POST_FORM, { [field]: message });

    const control = tagWithId(html, field);
    expect(control).toContain('aria-invalid="true"');
    expect(control).toMatch(new RegExp(`aria-describedby="([a-z-]+ )?${field}-error"`));
    expect(tagWithId(html, `${field}-error`)).toMatch(/^<p /);
    expect(fieldBlock(html, field)).toContain(
      `<p id="${field}-error" class="field-error"><span class="visually-hidden">Error: </span>${message}</p>`,
    );
  });

  it('marks only the fields that have errors as invalid', () => {
    const html = form(EMPTY_POST_FORM, { title: 'Enter a title.' });

    expect(html.match(/aria-invalid/g)).toHaveLength(1);
    expect(tagWithId(html, 'status')).not.toContain('aria-describedby');
  });

  it('announces a summary linking to each rejected field when the post was not saved, and none on a fresh form', () => {
    const html = form(EMPTY_POST_FORM, { title: 'Enter a title.', status: 'Choose Draft, Published or Archived.' });

    expect(html).toMatch(/<div class="error-summary" role="alert"/);
    expect(html).toContain(
      '<li><a href="#title">Enter a title.</a></li><li><a href="#status">Choose Draft, Published or Archived.</a></li>',
    );
    expect(form()).not.toContain('role="alert"');
  });
});
