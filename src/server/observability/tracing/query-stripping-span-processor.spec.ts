import { withoutQuery } from './query-stripping-span-processor';

describe('withoutQuery', () => {
  it('keeps a URL or request target without its query, fragment and user:password', () => {
    expect(withoutQuery('/accounts/verify-email?token=abc')).toBe('/accounts/verify-email');
    expect(withoutQuery('https://user:pw@host:8443/a/b?email=x%40y#top')).toBe('https://host:8443/a/b');
    expect(withoutQuery('/demo/posts')).toBe('/demo/posts');
  });
});
