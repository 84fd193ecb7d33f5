import { validateSync } from 'class-validator';
import { IsPlainText } from './is-plain-text.decorator';

class Fields {
  @IsPlainText({ message: 'single' })
  line: unknown = '';

  @IsPlainText({ multiline: true, message: 'multi' })
  text: unknown = '';
}

/** The messages of the fields that fail. */
function problems(values: Partial<Fields>): string[] {
  return validateSync(Object.assign(new Fields(), values)).flatMap((problem) => Object.values(problem.constraints ?? {}));
}

describe('IsPlainText', () => {
  it('accepts text in any script, with emoji, quotes and markup characters', () => {
    expect(problems({ line: 'Grüße, 東京 😀 <b>"x"</b> & \u00a0', text: 'first line\r\n\tsecond line' })).toEqual([]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['escape', '\u001b'],
    ['delete', '\u007f'],
    ['a C1 control (NEL)', '\u0085'],
    ['an unpaired surrogate', '\ud800'],
  ])('rejects %s in a single-line and in a multiline field', (_, character) => {
    expect(problems({ line: `a${character}b`, text: `a${character}b` })).toEqual(['single', 'multi']);
  });

  it.each([
    ['a tab', '\t'],
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
  ])('rejects %s in a single-line field only', (_, character) => {
    expect(problems({ line: `a${character}b`, text: `a${character}b` })).toEqual(['single']);
  });

  it('leaves values that are not strings to @IsString', () => {
    expect(problems({ line: ['a\u0000'], text: 42 })).toEqual([]);
  });
});
