import { HttpException } from '@nestjs/common';
import { DOMAIN_ERROR_STATUS, DomainError } from '../../platform/errors/domain.error';
import { toRequestInputError } from './request-input-errors';

const LIMITS = { bytes: 102_400, formFields: 1000 };

/** An error as body-parser and raw-body make them (http-errors): a status and a `type`. */
const bodyParserError = (status: number, type: string) => Object.assign(new Error(type), { status, type });

/** The status and message the user gets. */
function answer(error: unknown): [number, string] {
  const mapped = toRequestInputError(error, LIMITS);
  if (!(mapped instanceof DomainError)) throw new Error(`expected a DomainError for ${String(error)}`);
  return [DOMAIN_ERROR_STATUS[mapped.code], mapped.message];
}

describe('toRequestInputError', () => {
  it.each([
    [bodyParserError(413, 'entity.too.large'), 413, 'The request is larger than the 100 kB this site accepts'],
    [bodyParserError(413, 'parameters.too.many'), 413, 'The form has more than 1,000 fields'],
    [bodyParserError(415, 'charset.unsupported'), 415, 'in UTF-8 only'],
    [bodyParserError(415, 'encoding.unsupported'), 415, 'send it uncompressed'],
    [bodyParserError(400, 'entity.parse.failed'), 400, 'not valid JSON'],
    [bodyParserError(400, 'request.aborted'), 400, 'could not be read completely'],
    [bodyParserError(400, 'request.size.invalid'), 400, 'shorter than its Content-Length'],
  ])('turns %s into %d saying what to do', (error, status, message) => {
    expect(answer(error)).toEqual([status, expect.stringContaining(message)]);
  });

  it('keeps the original error as the cause, for the log', () => {
    const error = bodyParserError(413, 'entity.too.large');

    expect((toRequestInputError(error, LIMITS) as DomainError).cause).toBe(error);
  });

  it.each([
    // What the checks of well-formed-body.ts throw, with the type and status body-parser adds to it.
    ['a DomainError', Object.assign(new DomainError('MALFORMED_REQUEST', 'kept'), { type: 'entity.verify.failed', status: 403 })],
    ['an HttpException', new HttpException('kept', 403)],
    ['an error without a type', new Error('boom')],
    ['a server-side error with a type', bodyParserError(500, 'stream.encoding.set')],
    ['something that is not an Error', 'text'],
  ])('leaves %s to the error filter unchanged', (_, error) => {
    expect(toRequestInputError(error, LIMITS)).toBe(error);
  });
});
