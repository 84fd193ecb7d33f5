import { defineJob } from './job-type';

describe('defineJob', () => {
  it.each([0, 2.5, 32768])('refuses maxAttempts %s, naming the job and the range', (maxAttempts) => {
    expect(() => defineJob({ component: 'job-type-spec', name: `digest-${String(maxAttempts).replace('.', '-')}`, maxAttempts })).toThrow(
      /defineJob\(\{ component: 'job-type-spec', name: 'digest-[\d-]+' \}\): .*maxAttempts a whole number from 1 to 32767/,
    );
  });

  it('refuses a name that is not kebab-case', () => {
    expect(() => defineJob({ component: 'job-type-spec', name: 'SendDigest' })).toThrow(/the name must be kebab-case \(send-digest\)/);
  });

  it('keeps maxAttempts 32767 and defaults to 10', () => {
    expect(defineJob({ component: 'job-type-spec', name: 'longest', maxAttempts: 32767 }).maxAttempts).toBe(32767);
    expect(defineJob({ component: 'job-type-spec', name: 'default' }).maxAttempts).toBe(10);
  });
});
