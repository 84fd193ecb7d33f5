import { Prisma } from '@prisma/client';
import { PrismaService } from '../../database/runtime/prisma.service';
import { DemoComponentService } from './component.service';

// A unit test of the service's own logic with a mocked PrismaService: no
// database, so only for decisions the service makes itself (here: retrying the
// lost race for a new author). Everything that touches data is tested against
// PostgreSQL in test/component.service.spec.ts.
describe('DemoComponentService.createPost (unit)', () => {
  const uniqueViolation = () =>
    new Prisma.PrismaClientKnownRequestError('Unique constraint failed on the fields: (`name`)', {
      code: 'P2002',
      clientVersion: '6.19.3',
    });
  const saved = {
    id: 'p1',
    title: 'T',
    content: null,
    status: 'PUBLISHED',
    authorName: 'Ada',
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };

  function serviceWith(transaction: jest.Mock) {
    const client = { $transaction: transaction };
    const prisma = { forComponent: () => client } as unknown as PrismaService;
    return new DemoComponentService(prisma);
  }

  it('retries when another request created the same new author first', async () => {
    const transaction = jest.fn().mockRejectedValueOnce(uniqueViolation()).mockResolvedValueOnce(saved);

    await expect(serviceWith(transaction).createPost({ title: 'T', authorName: 'Ada' })).resolves.toBe(saved);
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('gives up after three lost races and reports the unique violation', async () => {
    const transaction = jest.fn().mockRejectedValue(uniqueViolation());

    await expect(serviceWith(transaction).createPost({ title: 'T', authorName: 'Ada' })).rejects.toMatchObject({ code: 'P2002' });
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors', async () => {
    const transaction = jest.fn().mockRejectedValue(new Error('connection lost'));

    await expect(serviceWith(transaction).createPost({ title: 'T', authorName: 'Ada' })).rejects.toThrow('connection lost');
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});
