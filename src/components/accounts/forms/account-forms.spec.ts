import { EMAIL_CANNOT_RECEIVE_MAIL, parseSignInForm, parseSignUpForm } from './account-forms';

const PASSWORD_MESSAGE = 'Enter a password of 12 to 256 characters. A few unrelated words make a strong one.';
const valid = { email: 'ada@example.com', displayName: 'Ada Lovelace', password: 'correct horse battery staple' };

describe('parseSignUpForm', () => {
  it('accepts a valid form, trimming the email and the name but not the password', () => {
    const parsed = parseSignUpForm({ email: '  Ada@Example.com ', displayName: ' Ada Lovelace ', password: '  spaced password  ' });

    expect(parsed).toEqual({ ok: true, value: { email: 'Ada@Example.com', displayName: 'Ada Lovelace', password: '  spaced password  ' } });
  });

  it('counts the password in characters as typed: 11 emoji are too short and 12 are enough', () => {
    // 11 emoji are 22 UTF-16 units: a .length check would wrongly accept them.
    const eleven = parseSignUpForm({ ...valid, password: '🔑'.repeat(11) });
    const twelve = parseSignUpForm({ ...valid, password: '🔑'.repeat(12) });

    expect(eleven).toMatchObject({ ok: false, errors: { password: PASSWORD_MESSAGE } });
    expect(twelve.ok).toBe(true);
  });

  it('accepts a password of 256 characters and refuses 257, counting emoji as one each', () => {
    expect(parseSignUpForm({ ...valid, password: '🔑'.repeat(256) }).ok).toBe(true);
    expect(parseSignUpForm({ ...valid, password: 'p'.repeat(256) }).ok).toBe(true);
    expect(parseSignUpForm({ ...valid, password: '🔑'.repeat(257) })).toMatchObject({ errors: { password: PASSWORD_MESSAGE } });
  });

  it('refuses a password of 11 plain characters with the message naming the limits', () => {
    expect(parseSignUpForm({ ...valid, password: 'p'.repeat(11) })).toMatchObject({ ok: false, errors: { password: PASSWORD_MESSAGE } });
  });

  it('refuses control characters in the password', () => {
    expect(parseSignUpForm({ ...valid, password: 'a long password\u0000' })).toMatchObject({
      errors: { password: 'Remove the invisible control characters (such as NUL or a line break) from the password.' },
    });
  });

  it.each([['not-an-email'], ['ada@'], ['@example.com'], ['ada example@example.com'], ['']])(
    'refuses the email %j and says what an address looks like',
    (email) => {
      expect(parseSignUpForm({ ...valid, email })).toMatchObject({
        ok: false,
        errors: { email: 'Enter an email address like name@example.com.' },
      });
    },
  );

  it('refuses an address under the reserved .invalid domain, which placeholder accounts use, and accepts .test', () => {
    const form = parseSignUpForm({ ...valid, email: 'Ada.Lovelace@Placeholder.INVALID' });

    expect(form).toEqual({ ok: false, values: expect.any(Object), errors: { email: EMAIL_CANNOT_RECEIVE_MAIL } });
    expect(parseSignUpForm({ ...valid, email: 'someone@example.test' }).ok).toBe(true);
  });

  it('refuses an email over 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;

    expect(email.length).toBe(255);
    expect(parseSignUpForm({ ...valid, email })).toMatchObject({
      errors: { email: 'Enter an email address of at most 254 characters.' },
    });
  });

  it('accepts a name of 100 characters and refuses an empty one, a blank one and one of 101', () => {
    const message = 'Enter a name of 1 to 100 characters to show on your posts.';

    expect(parseSignUpForm({ ...valid, displayName: 'n'.repeat(100) }).ok).toBe(true);
    expect(parseSignUpForm({ ...valid, displayName: '' })).toMatchObject({ errors: { displayName: message } });
    expect(parseSignUpForm({ ...valid, displayName: '   ' })).toMatchObject({ errors: { displayName: message } });
    expect(parseSignUpForm({ ...valid, displayName: 'n'.repeat(101) })).toMatchObject({ errors: { displayName: message } });
  });

  it('refuses a line break in the name', () => {
    expect(parseSignUpForm({ ...valid, displayName: 'Ada\nLovelace' })).toMatchObject({
      errors: { displayName: 'Remove the invisible control characters (such as NUL or a line break) from the name.' },
    });
  });

  it('reports every missing field of an empty body, with each field its own message', () => {
    const parsed = parseSignUpForm(undefined);

    expect(parsed).toEqual({
      ok: false,
      values: { email: '', displayName: '' },
      errors: {
        email: 'Enter your email address.',
        displayName: 'Enter the name to show on your posts.',
        password: PASSWORD_MESSAGE,
      },
    });
  });

  it('keeps the email and the name as typed on a refused form, and never the password', () => {
    const password = 'short';
    const parsed = parseSignUpForm({ email: ' Ada@Example.com', displayName: 'Ada', password });

    expect(parsed).toMatchObject({ ok: false, values: { email: ' Ada@Example.com', displayName: 'Ada' } });
    expect(parsed.ok ? null : Object.keys(parsed.values)).toEqual(['email', 'displayName']);
    expect(JSON.stringify(parsed)).not.toContain(password);
  });

  it('shows non-string fields back as empty text', () => {
    const parsed = parseSignUpForm({ email: ['a@example.com'], displayName: { name: 'x' }, password: 12 });

    expect(parsed).toMatchObject({ ok: false, values: { email: '', displayName: '' } });
  });
});

describe('parseSignInForm', () => {
  it('accepts any non-empty password, however short, so old accounts can still sign in', () => {
    expect(parseSignInForm({ email: ' ada@example.com ', password: 'x' })).toEqual({
      ok: true,
      value: { email: 'ada@example.com', password: 'x' },
    });
  });

  it('asks for the email and the password when they are missing', () => {
    expect(parseSignInForm({})).toEqual({
      ok: false,
      values: { email: '' },
      errors: { email: 'Enter your email address.', password: 'Enter your password.' },
    });
  });

  it('refuses a password over 256 characters', () => {
    expect(parseSignInForm({ email: 'ada@example.com', password: 'p'.repeat(257) })).toMatchObject({
      errors: { password: 'Enter your password; it is at most 256 characters long.' },
    });
  });

  it('keeps the email on a refused form and never the password', () => {
    const password = 'p'.repeat(300);
    const parsed = parseSignInForm({ email: 'ada@example.com', password });

    expect(parsed).toMatchObject({ ok: false, values: { email: 'ada@example.com' } });
    expect(parsed.ok ? null : Object.keys(parsed.values)).toEqual(['email']);
    expect(JSON.stringify(parsed)).not.toContain(password.slice(0, 20));
  });
});
