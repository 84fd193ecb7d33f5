import { ConfigurationError } from '../../platform/errors/configuration.error';
import { describeSize, httpBodyLimits } from './http-body-limits';

describe('httpBodyLimits', () => {
  it('defaults to 100 kB and 1,000 form fields, also when the variables are empty', () => {
    expect(httpBodyLimits({})).toEqual({ bytes: 102_400, formFields: 1000 });
    expect(httpBodyLimits({ HTTP_BODY_LIMIT: '', HTTP_FORM_FIELD_LIMIT: '' })).toEqual({ bytes: 102_400, formFields: 1000 });
  });

  it.each([
    ['20000', 20_000],
    ['512b', 512],
    ['2kb', 2048],
    ['2 KB', 2048],
    ['1mb', 1_048_576],
  ])('reads HTTP_BODY_LIMIT=%s as %d bytes', (raw, bytes) => {
    expect(httpBodyLimits({ HTTP_BODY_LIMIT: raw }).bytes).toBe(bytes);
  });

  it.each(['0', '-1', '1.5mb', '1gb', 'ten', '1e6'])('stops on HTTP_BODY_LIMIT=%s with one line naming the variable and the fix', (raw) => {
    expect(() => httpBodyLimits({ HTTP_BODY_LIMIT: raw })).toThrow(ConfigurationError);
    expect(() => httpBodyLimits({ HTTP_BODY_LIMIT: raw })).toThrow(
      `HTTP_BODY_LIMIT="${raw}" is not a size; set it to a whole number of bytes, kb or mb (e.g. 100kb), or remove it for 100kb`,
    );
  });

  it('reads HTTP_FORM_FIELD_LIMIT and stops on a value that is not a positive whole number', () => {
    expect(httpBodyLimits({ HTTP_FORM_FIELD_LIMIT: '50' }).formFields).toBe(50);
    expect(() => httpBodyLimits({ HTTP_FORM_FIELD_LIMIT: '0' })).toThrow('HTTP_FORM_FIELD_LIMIT="0" is not a positive whole number');
  });
});

describe('describeSize', () => {
  it('names a limit in the largest unit that divides it', () => {
    expect([describeSize(102_400), describeSize(2_097_152), describeSize(1500)]).toEqual(['100 kB', '2 MB', '1,500 bytes']);
  });
});
