import { CONTROL_CHARACTERS, describeHostileCases, FORM, form, HostileCase, note, NOTES, WANTS_JSON } from './hostile-request';

const MALFORMED_FORM_ESCAPE = 'The form contains a malformed %-escape';
const NOT_UTF8 = 'The request body is not valid UTF-8 text';

/** The same text in every text field of the note, to be stored as it is and shown escaped. */
const everywhere = (text: string): Omit<HostileCase, 'description'> => ({
  request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ title: text, content: text, author: text })) },
  status: 303,
  added: 1,
  stored: { title: text, content: text, author: text },
});

const CASES: HostileCase[] = [
  // Control characters
  ...(
    [
      ['title', 'NUL', '%00'],
      ['title', 'a line break', '%0A'],
      ['title', 'a C1 control (NEL)', '%C2%85'],
      ['content', 'NUL', '%00'],
      ['content', 'a backspace', '%08'],
      ['content', 'a delete character', '%7F'],
      ['author', 'NUL', '%00'],
      ['author', 'an escape character', '%1B'],
      ['author', 'a line break', '%0A'],
    ] as const
  ).map(([field, name, escaped]): HostileCase => ({
    description: `${name} in the ${field} is refused with 400 and the field’s message (PostgreSQL text cannot even hold NUL)`,
    request: {
      method: 'POST',
      path: NOTES,
      headers: FORM,
      body: form(note({ [field]: 'x' }).replace(`${field}=x`, `${field}=a${escaped}b`)),
    },
    status: 400,
    says: CONTROL_CHARACTERS,
  })),
  {
    description: 'tabs, line feeds and carriage returns inside the content are kept as typed',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ content: 'one\r\n\ttwo\nthree' })) },
    status: 303,
    added: 1,
    stored: { title: 'A title', content: 'one\r\n\ttwo\nthree', author: 'Ada' },
  },
  // Encoding
  {
    description: 'a truncated %-escape in the body (title=%E0%A4%A) is refused with 400, not stored as its literal text',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title=%E0%A4%A&author=Ada') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'a bare % in the body (title=100%) is refused with 400',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('author=Ada&title=100%') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'escaped bytes that are not UTF-8 (title=%C3%28) are refused with 400',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title=%C3%28&author=Ada') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'an escaped surrogate (title=%ED%A0%80), which UTF-8 forbids, is refused with 400',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title=%ED%A0%80&author=Ada') },
    status: 400,
    says: MALFORMED_FORM_ESCAPE,
  },
  {
    description: 'raw bytes that are not UTF-8 (0xC3 0x28) in the body are refused with 400, not stored as U+FFFD',
    request: {
      method: 'POST',
      path: NOTES,
      headers: FORM,
      body: form(Buffer.from([...Buffer.from('status=PUBLISHED&author=Ada&title=a'), 0xc3, 0x28])),
    },
    status: 400,
    says: NOT_UTF8,
  },
  {
    description: 'raw bytes that are not UTF-8 are refused as JSON to a client that asks for it',
    request: {
      method: 'POST',
      path: NOTES,
      headers: { ...FORM, ...WANTS_JSON },
      body: form(Buffer.from([...Buffer.from('title='), 0xff])),
    },
    status: 400,
    says: NOT_UTF8,
    json: true,
  },
  // Enum values
  {
    description: 'an unknown status is refused with 400 naming the choices',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ status: 'DELETED' })) },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  {
    description: 'a status in the wrong case (published) is refused with 400 naming the choices',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ status: 'published' })) },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  // Markup and SQL: valid text, stored as sent, shown escaped
  { description: 'a script element in every field is stored as typed and shown escaped', ...everywhere('<script>alert(1)</script>') },
  {
    description: 'an attribute breakout in every field is stored as typed and shown escaped',
    ...everywhere('"><img src=x onerror=alert(1)>'),
  },
  { description: 'an SQL statement in every field is stored as typed and does nothing', ...everywhere(`'; DROP TABLE fixture_note; --`) },
  { description: 'an SQL condition in every field is stored as typed and does nothing', ...everywhere("' OR '1'='1") },
];

describeHostileCases('hostile input over HTTP: the text in form fields', CASES);
