import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('gives 12 URL-safe characters each time, never the same twice, across several batches of random bytes', () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId());

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
