import {
  CONTROL_CHARACTERS,
  describeHostileCases,
  FORM,
  form,
  HostileCase,
  json,
  JSON_BODY,
  note,
  NOTES,
  WANTS_JSON,
} from './hostile-request';

const NOT_A_FORM = 'accepts a request body only as a form (application/x-www-form-urlencoded) or as JSON (application/json)';
const NOT_UTF8_CHARSET = 'This site reads request bodies in UTF-8 only';
const NOT_UTF8 = 'The request body is not valid UTF-8 text';
const STORED = { title: 'A title', content: null, author: 'Ada' };

const CASES: HostileCase[] = [
  // Shape
  {
    description: 'a nested field (title[a]=x) is a field of another name, so the title is missing: 400 with the form’s message',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title[a]=x&status=PUBLISHED&author=Ada') },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'a bracketed field (content[]=x) is an unknown field, not an array: the note is stored without content',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title=Flat&content[]=x&author=Ada') },
    status: 303,
    added: 1,
    stored: { ...STORED, title: 'Flat' },
  },
  {
    description: 'a repeated title (title=a&title=b) is not one text: 400 with the form’s message',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form('title=a&title=b&status=PUBLISHED&author=Ada') },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'a repeated status is not one of the choices: 400 naming them',
    request: { method: 'POST', path: NOTES, headers: FORM, body: form(note({ status: 'DRAFT' }) + '&status=ARCHIVED') },
    status: 400,
    says: 'Choose Draft, Published or Archived.',
  },
  {
    description: 'fields named __proto__ and constructor[prototype] are plain unknown fields: the note is stored and nothing polluted',
    request: {
      method: 'POST',
      path: NOTES,
      headers: FORM,
      body: form(`${note({ title: 'Prototype' })}&__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x`),
    },
    status: 303,
    added: 1,
    stored: { ...STORED, title: 'Prototype' },
  },
  // Content types and charsets
  ...(
    [
      ['text/plain', 'text/plain'],
      ['XML', 'application/xml'],
      ['multipart (a file upload form)', 'multipart/form-data; boundary=x'],
    ] as const
  ).map(([name, type]): HostileCase => ({
    description: `a ${name} body is refused with 415, whatever it holds`,
    request: { method: 'POST', path: NOTES, headers: { 'content-type': type }, body: form(note()) },
    status: 415,
    says: NOT_A_FORM,
  })),
  {
    description: 'a body without a Content-Type is refused with 415',
    request: { method: 'POST', path: NOTES, body: form(note()) },
    status: 415,
    says: NOT_A_FORM,
  },
  {
    description: 'an unsupported content type is refused with 415 as JSON to a client that asks for it',
    request: { method: 'POST', path: NOTES, headers: { 'content-type': 'text/plain', ...WANTS_JSON }, body: form(note()) },
    status: 415,
    says: NOT_A_FORM,
    json: true,
  },
  ...['koi8-r', 'no-such-charset', 'iso-8859-1'].map((charset): HostileCase => ({
    description: `a form declared in charset ${charset} is refused with 415: forms are read as UTF-8 only`,
    request: {
      method: 'POST',
      path: NOTES,
      headers: { 'content-type': `${FORM['content-type']}; charset=${charset}` },
      body: form(note()),
    },
    status: 415,
    says: NOT_UTF8_CHARSET,
  })),
  {
    description: 'a form declared as UTF-8 (charset=UTF-8) is read as usual',
    request: { method: 'POST', path: NOTES, headers: { 'content-type': `${FORM['content-type']}; charset=UTF-8` }, body: form(note()) },
    status: 303,
    added: 1,
    stored: STORED,
  },
  {
    description: 'JSON declared in UTF-16 is refused with 415',
    request: { method: 'POST', path: NOTES, headers: { 'content-type': 'application/json; charset=utf-16' }, body: json({}) },
    status: 415,
    says: NOT_UTF8_CHARSET,
  },
  // JSON to the form's route: the same fields and rules (and the CSRF token in the body)
  {
    description: 'JSON with the form’s fields is accepted like the form: same rules, same CSRF check',
    request: { method: 'POST', path: NOTES, headers: JSON_BODY, body: json({ title: 'From JSON', status: 'DRAFT', author: 'Ada' }) },
    status: 303,
    added: 1,
    stored: { ...STORED, title: 'From JSON' },
  },
  {
    description: 'JSON with a number, an array and an object for the form’s fields is refused with the form’s messages',
    request: { method: 'POST', path: NOTES, headers: JSON_BODY, body: json({ title: 42, content: ['x'], status: { value: 'DRAFT' } }) },
    status: 400,
    says: 'Enter a title',
  },
  {
    description: 'JSON with an unpaired surrogate escape (\\ud800) in the title is refused with the field’s message',
    request: {
      method: 'POST',
      path: NOTES,
      headers: JSON_BODY,
      body: (csrf) => Buffer.from(`{"_csrf":"${csrf}","title":"a\\ud800","author":"Ada"}`),
    },
    status: 400,
    says: CONTROL_CHARACTERS,
  },
  {
    description: 'JSON that does not parse is refused with 400',
    request: { method: 'POST', path: NOTES, headers: JSON_BODY, body: Buffer.from('{"title": "unterminated') },
    status: 400,
    says: 'The request body is not valid JSON',
  },
  {
    description: 'JSON with bytes that are not UTF-8 is refused with 400',
    request: {
      method: 'POST',
      path: NOTES,
      headers: JSON_BODY,
      body: (csrf) => Buffer.from([...Buffer.from(`{"_csrf":"${csrf}","title":"`), 0xc3, 0x28, 0x22, 0x7d]),
    },
    status: 400,
    says: NOT_UTF8,
  },
];

describeHostileCases('hostile input over HTTP: the shape, type and charset of bodies', CASES);
