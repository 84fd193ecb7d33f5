import { comparableAnswer } from './comparable-answer';

describe('comparableAnswer', () => {
  const page = (email: string, token: string) =>
    `<form><input type="hidden" name="_csrf" value="${token}"/><input name="email" value="${email}"/><p>The email address or password is not right.</p></form>`;

  it('makes two answers alike that differ only in the email shown back and the CSRF token', () => {
    expect(comparableAnswer(page('a@example.test', 'token-1'), 'a@example.test')).toBe(
      comparableAnswer(page('nobody@example.test', 'token-2'), 'nobody@example.test'),
    );
  });

  it('keeps any other difference, such as another message', () => {
    const other = page('a@example.test', 'token-1').replace('is not right', 'is required');
    expect(comparableAnswer(other, 'a@example.test')).not.toBe(comparableAnswer(page('a@example.test', 'token-1'), 'a@example.test'));
  });
});
