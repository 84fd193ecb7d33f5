import { ValidateBy, ValidationOptions } from 'class-validator';

/** Control characters (C0, DEL, C1) and halves of surrogate pairs, which no keyboard types. */
const NOT_TEXT = /[\p{Cc}\p{Cs}]/u;
/** The same, less tab, line feed and carriage return, which a textarea sends. */
const NOT_MULTILINE_TEXT = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/**
 * A form field's rule for text as people type it: no control characters and
 * no unpaired surrogates; with `multiline`, tabs and line breaks are allowed.
 *
 * Why every text field needs it: PostgreSQL's `text` cannot hold NUL (the
 * insert fails, and the user would see a 500 instead of a message), and the
 * other control characters (escape, backspace, NEL, …) come only from tampered
 * or broken clients and render invisibly or garble logs. A value that is not a
 * string passes: `@IsString` reports that.
 */
export function IsPlainText({ multiline = false, ...options }: ValidationOptions & { multiline?: boolean }): PropertyDecorator {
  const forbidden = multiline ? NOT_MULTILINE_TEXT : NOT_TEXT;
  return ValidateBy(
    {
      name: multiline ? 'isPlainMultilineText' : 'isPlainText',
      validator: { validate: (value: unknown) => typeof value !== 'string' || !forbidden.test(value) },
    },
    options,
  );
}
