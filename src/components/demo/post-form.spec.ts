import { parsePostForm } from './post-form';

const valid = { title: 'Hello', content: 'Some words', status: 'DRAFT' };

/** The valid form with one field left out, as a browser sends it when the control is missing. */
function without(field: keyof typeof valid): Record<string, unknown> {
  const body: Record<string, unknown> = { ...valid };
  delete body[field];
  return body;
}

/** The errors of a form that must be rejected. */
function errorsOf(body: Record<string, unknown>) {
  const result = parsePostForm(body);
  if (result.ok) throw new Error(`expected ${JSON.stringify(body)} to be rejected, got ${JSON.stringify(result.post)}`);
  return result.errors;
}

describe('parsePostForm', () => {
  it('accepts a complete post and trims every text field', () => {
    expect(parsePostForm({ title: '  Hello  ', content: '\n Some words \n', status: 'DRAFT' })).toEqual({
      ok: true,
      post: { title: 'Hello', content: 'Some words', status: 'DRAFT' },
    });
  });

  it('ignores an author sent with the form: a post is by the signed-in account, never by a field', () => {
    expect(parsePostForm({ ...valid, authorName: 'Mallory', authorId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: true,
      post: { title: 'Hello', content: 'Some words', status: 'DRAFT' },
    });
  });

  describe('title', () => {
    it('is required', () => {
      expect(errorsOf(without('title'))).toEqual({ title: expect.stringMatching(/title/i) });
    });

    it('rejects a title of only spaces', () => {
      expect(errorsOf({ ...valid, title: '   ' })).toEqual({ title: expect.stringMatching(/title/i) });
    });

    it('accepts 200 characters, counted after trimming', () => {
      const title = 'a'.repeat(200);

      expect(parsePostForm({ ...valid, title: `  ${title}  ` })).toMatchObject({ ok: true, post: { title } });
    });

    it('rejects 201 characters and says what the limit is', () => {
      expect(errorsOf({ ...valid, title: 'a'.repeat(201) }).title).toContain('200');
    });
  });

  describe('content', () => {
    it('is optional: missing, empty or blank content is saved as no content', () => {
      expect(parsePostForm(without('content'))).toMatchObject({ ok: true, post: { content: null } });
      for (const content of ['', '   ']) {
        expect(parsePostForm({ ...valid, content })).toMatchObject({ ok: true, post: { content: null } });
      }
    });

    it('accepts 10,000 characters and rejects 10,001', () => {
      expect(parsePostForm({ ...valid, content: 'c'.repeat(10_000) })).toMatchObject({ ok: true });
      expect(errorsOf({ ...valid, content: 'c'.repeat(10_001) })).toEqual({ content: expect.stringContaining('10,000') });
    });
  });

  describe('status', () => {
    it('is published when missing or empty', () => {
      expect(parsePostForm(without('status'))).toMatchObject({ ok: true, post: { status: 'PUBLISHED' } });
      expect(parsePostForm({ ...valid, status: '' })).toMatchObject({ ok: true, post: { status: 'PUBLISHED' } });
    });

    it('accepts each of draft, published and archived', () => {
      for (const status of ['DRAFT', 'PUBLISHED', 'ARCHIVED']) {
        expect(parsePostForm({ ...valid, status })).toMatchObject({ ok: true, post: { status } });
      }
    });

    it('rejects a status outside the list and names the choices', () => {
      expect(errorsOf({ ...valid, status: 'DELETED' })).toEqual({ status: 'Choose Draft, Published or Archived.' });
    });
  });

  it('rejects repeated fields (arrays) and other non-text values without throwing', () => {
    const body = { title: ['a', 'b'], content: { text: 'x' }, status: ['DRAFT'] };

    expect(() => parsePostForm(body)).not.toThrow();
    expect(Object.keys(errorsOf(body)).sort()).toEqual(['content', 'status', 'title']);
  });

  it('says what is missing, not a later rule, for a field that breaks several (the topmost rule wins)', () => {
    expect(errorsOf({ title: ['a', 'b'], content: ['x'] })).toEqual({ title: 'Enter a title.', content: 'Content must be text.' });
  });

  it.each([
    ['title', 'NUL', 'a\u0000b'],
    ['title', 'a line break', 'a\nb'],
    ['title', 'an escape character', 'A\u001bda'],
    ['content', 'NUL', 'words\u0000'],
    ['content', 'a bell character', 'words\u0007 more'],
  ] as const)('rejects %s with %s, which PostgreSQL or a reader could not take, naming the field', (field, _, value) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: expect.stringContaining('control characters') });
  });

  it('keeps tabs and line breaks inside the content', () => {
    expect(parsePostForm({ ...valid, content: 'one\r\n\ttwo' })).toMatchObject({ ok: true, post: { content: 'one\r\n\ttwo' } });
  });

  it('treats a missing body as an empty form', () => {
    const result = parsePostForm(undefined);

    expect(result).toEqual({ ok: false, values: { title: '', content: '', status: 'PUBLISHED' }, errors: { title: expect.any(String) } });
  });

  it('returns what the user typed, untrimmed, when the form is rejected', () => {
    const body = { title: '  My title ', content: ` Long story ${'!'.repeat(10_000)}`, status: 'ARCHIVED' };

    expect(parsePostForm(body)).toEqual({
      ok: false,
      values: { title: '  My title ', content: ` Long story ${'!'.repeat(10_000)}`, status: 'ARCHIVED' },
      errors: { content: expect.any(String) },
    });
  });

  it('returns the rejected status as typed so the user sees what was wrong', () => {
    expect(parsePostForm({ ...valid, status: 'DELETED' })).toMatchObject({ ok: false, values: { ...valid, status: 'DELETED' } });
  });
});
