import type { ReactElement } from 'react';
import { innerHtmlOfId, tagsOf, tagWithId, textOf } from '../../testing/html/html-tags';
import { renderFragment } from '../../testing/render-fragment';
import { FieldProps, FormField, SelectField, TextAreaField, TextField } from '.';

const OPTIONS = [
  { value: 'draft', label: 'Draft' },
  { value: 'published', label: 'Published' },
];

/** The three ready-made fields, with the element name of their control. */
const fields: [string, string, (props: FieldProps) => ReactElement][] = [
  ['TextField', 'input', (props) => <TextField {...props} />],
  ['TextAreaField', 'textarea', (props) => <TextAreaField {...props} />],
  ['SelectField', 'select', (props) => <SelectField {...props} options={OPTIONS} />],
];

describe.each(fields)('%s', (_, controlName, field) => {
  const render = (props: Partial<FieldProps> = {}) => renderFragment(field({ name: 'title', label: 'Title', ...props }));
  const control = (html: string) => tagWithId(html, 'title');

  it('ties its label to the control, whose id and submitted name are both the field name', () => {
    const html = render();

    expect(tagsOf(html, 'label')).toEqual([{ name: 'label', attributes: expect.objectContaining({ for: 'title' }) }]);
    expect(textOf(html)).toContain('Title');
    expect(control(html)).toMatchObject({ name: controlName, attributes: { id: 'title', name: 'title' } });
  });

  it('describes the control by nothing and does not mark it invalid when there is neither hint nor error', () => {
    const attributes = control(render()).attributes;

    expect(attributes).not.toHaveProperty('aria-describedby');
    expect(attributes).not.toHaveProperty('aria-invalid');
  });

  it('describes the control by its hint alone, and leaves it valid, when there is no error', () => {
    const html = render({ hint: 'Up to 200 characters.' });

    expect(control(html).attributes['aria-describedby']).toBe('title-hint');
    expect(control(html).attributes).not.toHaveProperty('aria-invalid');
    expect(innerHtmlOfId(html, 'title-hint')).toBe('Up to 200 characters.');
  });

  it('describes the control by its hint then its error, and marks it invalid', () => {
    const html = render({ hint: 'Up to 200 characters.', error: 'Enter a title.' });

    expect(control(html).attributes['aria-describedby']).toBe('title-hint title-error');
    expect(control(html).attributes['aria-invalid']).toBe('true');
    expect(tagWithId(html, 'title-hint')).toBeDefined();
    expect(tagWithId(html, 'title-error')).toBeDefined();
  });

  it('describes the control by its error alone when there is no hint', () => {
    const html = render({ error: 'Enter a title.' });

    expect(control(html).attributes['aria-describedby']).toBe('title-error');
    expect(control(html).attributes['aria-invalid']).toBe('true');
    expect(html).not.toContain('title-hint');
  });

  it('starts the error with a visually hidden "Error: ", so a screen reader says what it is', () => {
    const error = innerHtmlOfId(render({ error: 'Enter a title.' }), 'title-error');

    expect(error).toBe('<span class="visually-hidden">Error: </span>Enter a title.');
    expect(textOf(error)).toBe('Error: Enter a title.');
  });

  it('escapes markup in its label, hint and error', () => {
    const html = render({ label: 'Title <i>', hint: 'No <b>bold</b>', error: 'Not <script>' });

    expect(html).toContain('Title &lt;i&gt;');
    expect(innerHtmlOfId(html, 'title-hint')).toBe('No &lt;b&gt;bold&lt;/b&gt;');
    expect(textOf(innerHtmlOfId(html, 'title-error'))).toBe('Error: Not &lt;script&gt;');
    expect(html).not.toMatch(/<(i|b|script)>/);
  });
});

describe('TextField', () => {
  it('keeps the typed value, escaped, so a quote or markup cannot break out of the attribute', () => {
    const html = renderFragment(<TextField name="title" label="Title" defaultValue={'Say "hi" <b>&</b>'} />);

    expect(tagWithId(html, 'title').attributes.value).toBe('Say &quot;hi&quot; &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('passes required, maxLength, type and autocomplete to the input', () => {
    const html = renderFragment(<TextField name="email" label="Email" required maxLength={120} type="email" autoComplete="email" />);

    expect(tagWithId(html, 'email').attributes).toMatchObject({ required: '', maxlength: '120', type: 'email', autocomplete: 'email' });
  });

  it('is an optional text input without a length limit unless told otherwise', () => {
    const attributes = tagWithId(renderFragment(<TextField name="title" label="Title" />), 'title').attributes;

    expect(attributes.type).toBe('text');
    expect(attributes).not.toHaveProperty('required');
    expect(attributes).not.toHaveProperty('maxlength');
    expect(attributes).not.toHaveProperty('value');
  });
});

describe('TextAreaField', () => {
  it('keeps the typed text as the content of the textarea, escaped', () => {
    const html = renderFragment(<TextAreaField name="content" label="Content" defaultValue={'Line </textarea><b>x</b>'} />);

    expect(innerHtmlOfId(html, 'content')).toBe('Line &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt;');
  });

  it('passes required, maxLength and rows to the textarea, four rows by default', () => {
    const limited = renderFragment(<TextAreaField name="content" label="Content" required maxLength={5000} rows={8} />);
    const plain = renderFragment(<TextAreaField name="content" label="Content" />);

    expect(tagWithId(limited, 'content').attributes).toMatchObject({ required: '', maxlength: '5000', rows: '8' });
    expect(tagWithId(plain, 'content').attributes).toMatchObject({ rows: '4' });
    expect(tagWithId(plain, 'content').attributes).not.toHaveProperty('required');
  });
});

describe('SelectField', () => {
  const optionsOf = (html: string) =>
    [...html.matchAll(/<option ([^>]*)>([^<]*)<\/option>/g)].map(([, attributes, label]) => ({
      label,
      value: /value="([^"]*)"/.exec(attributes)?.[1],
      selected: /\sselected=""|^selected=""/.test(attributes),
    }));

  it('lists the options in the order given and selects the default value', () => {
    const html = renderFragment(<SelectField name="status" label="Status" options={OPTIONS} defaultValue="published" />);

    expect(optionsOf(html)).toEqual([
      { label: 'Draft', value: 'draft', selected: false },
      { label: 'Published', value: 'published', selected: true },
    ]);
  });

  it('selects nothing explicitly without a default value, so the browser shows the first option', () => {
    const html = renderFragment(<SelectField name="status" label="Status" options={OPTIONS} />);

    expect(optionsOf(html).map((option) => option.selected)).toEqual([false, false]);
  });

  it('escapes the labels and values of its options', () => {
    const html = renderFragment(<SelectField name="status" label="Status" options={[{ value: 'a"b', label: '<em>A</em>' }]} />);

    expect(html).toContain('<option value="a&quot;b">&lt;em&gt;A&lt;/em&gt;</option>');
  });
});

describe('FormField', () => {
  it('gives a control of its own the id, name and aria attributes that tie it to the label, hint and error', () => {
    const html = renderFragment(
      <FormField name="agree" label="I agree" hint="Required to continue." error="Tick the box to continue.">
        {(control) => <input type="checkbox" {...control} />}
      </FormField>,
    );

    expect(tagsOf(html, 'label')[0].attributes.for).toBe('agree');
    expect(tagWithId(html, 'agree')).toEqual({
      name: 'input',
      attributes: { type: 'checkbox', id: 'agree', name: 'agree', 'aria-describedby': 'agree-hint agree-error', 'aria-invalid': 'true' },
    });
  });

  it('gives the control only its id and name when there is neither hint nor error', () => {
    const html = renderFragment(
      <FormField name="agree" label="I agree">
        {(control) => <input type="checkbox" {...control} />}
      </FormField>,
    );

    expect(tagWithId(html, 'agree').attributes).toEqual({ type: 'checkbox', id: 'agree', name: 'agree' });
  });
});
