import { PrismaService } from '../../database/runtime/prisma.service';
import { DemoComponentService } from './component.service';

// A unit test of the service's own logic with a mocked PrismaService: no
// database, so only for decisions the service makes itself (here: which page
// to read, and never sending the database an id or an offset it would choke
// on). Everything that touches data is tested against PostgreSQL in
// test/component.service.spec.ts.
describe('DemoComponentService (unit)', () => {
  const row = (id: string) => ({
    id,
    title: 'T',
    content: null,
    status: 'PUBLISHED',
    createdAt: new Date(0),
    authorId: 'a1',
    author: { displayName: 'Ada' },
  });

  function serviceWith(demoPost: Record<string, jest.Mock>) {
    const prisma = { forComponent: () => ({ demoPost }) } as unknown as PrismaService;
    return new DemoComponentService(prisma);
  }

  describe('listPosts', () => {
    it('reads the list once when the page asked for exists', async () => {
      const findMany = jest.fn().mockResolvedValue([row('p3')]);
      const service = serviceWith({ findMany, count: jest.fn().mockResolvedValue(5) });

      const page = await service.listPosts(3, 2);

      expect(page).toMatchObject({ page: 3, totalPages: 3, total: 5, posts: [{ id: 'p3', authorName: 'Ada' }] });
      expect(findMany).toHaveBeenCalledTimes(1);
      expect(findMany).toHaveBeenCalledWith(expect.objectContaining({ skip: 4, take: 2 }));
    });

    it('never asks the database to skip 2^31 rows or more: a page too large to count with reads the last page only', async () => {
      const findMany = jest.fn().mockResolvedValue([row('last')]);
      const service = serviceWith({ findMany, count: jest.fn().mockResolvedValue(7) });

      const page = await service.listPosts(2 ** 53, 20);

      expect(page).toMatchObject({ page: 1, totalPages: 1, posts: [{ id: 'last' }] });
      expect(findMany).toHaveBeenCalledTimes(1);
      expect(findMany).toHaveBeenCalledWith(expect.objectContaining({ skip: 0, take: 20 }));
    });
  });

  describe('ids that are not UUIDs', () => {
    const untouched = () => ({
      findUnique: jest.fn(),
      updateMany: jest.fn(),
      deleteMany: jest.fn(),
      count: jest.fn(),
    });

    // PostgreSQL would reject them as uuid values: an error page instead of "not found".
    it.each(['not-a-uuid', '', '1; DROP TABLE "DemoPost"'])('treats %p as a missing post without asking the database', async (id) => {
      const demoPost = untouched();
      const service = serviceWith(demoPost);

      expect(await service.getPost(id)).toBeNull();
      expect(await service.updatePost(id, { title: 'x' })).toBeNull();
      expect(await service.deletePost(id, 'a1')).toBe('missing');
      for (const method of Object.values(demoPost)) expect(method).not.toHaveBeenCalled();
    });
  });
});
