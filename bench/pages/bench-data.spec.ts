import { benchData } from './bench-data';

describe('benchData', () => {
  it('gives every author a unique name and email, also past the hundred first-and-last-name pairs', () => {
    const { authors } = benchData(10, 130);
    expect(new Set(authors.map((author) => author.displayName)).size).toBe(130);
    expect(new Set(authors.map((author) => author.email)).size).toBe(130);
  });

  it('orders posts newest first with distinct dates and points every post at an existing author', () => {
    const { posts } = benchData(200, 40);
    const times = posts.map((post) => post.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(200);
    expect(posts.every((post) => post.author >= 0 && post.author < 40)).toBe(true);
  });

  it('writes bodies long enough to be cut on a card, and leaves a few posts without one', () => {
    const { posts } = benchData(100, 10);
    expect(posts.filter((post) => post.content === null).length).toBeGreaterThan(0);
    expect(Math.max(...posts.map((post) => post.content?.length ?? 0))).toBeGreaterThan(200);
  });

  it('is the same on every call', () => {
    expect(benchData(50, 5)).toEqual(benchData(50, 5));
  });
});
