import { truncate } from './format';

describe('truncate', () => {
  it('keeps a text of at most the limit as it is', () => {
    expect(truncate('short', 5)).toBe('short');
  });

  it('cuts a longer text at the limit and adds an ellipsis, without trailing space', () => {
    expect(truncate('one two three', 8)).toBe('one two…');
  });

  it('counts an emoji as one character, so a text of emoji within the limit is kept whole', () => {
    const text = '🙂'.repeat(5); // 10 UTF-16 units, 5 code points
    expect(truncate(text, 5)).toBe(text);
  });

  it('never cuts an emoji in half', () => {
    expect(truncate('🙂'.repeat(6), 5)).toBe(`${'🙂'.repeat(5)}…`);
  });
});
