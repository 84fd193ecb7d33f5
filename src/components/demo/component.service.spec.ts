import { PrismaService } from '../../database/runtime/prisma.service';
import { DemoComponentService } from './component.service';

// A unit test of the service's own logic with a mocked PrismaService: no
// database, so only for decisions the service makes itself (here: never
// sending the database an id it would choke on; the list's paging is tested
// against PostgreSQL). Everything that touches data is tested against PostgreSQL in
// test/component.service.spec.ts.
describe('DemoComponentService (unit)', () => {
  function serviceWith(demoPost: Record<string, jest.Mock>) {
    const prisma = { forComponent: () => ({ demoPost }) } as unknown as PrismaService;
    return new DemoComponentService(prisma);
  }

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
