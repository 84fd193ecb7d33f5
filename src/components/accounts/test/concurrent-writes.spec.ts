import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createComponentTestingModule } from '../../../testing/create-component-testing-module';
import { holdTransaction, waitUntilBlockedBy } from '../../../testing/database/held-transaction';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { AccountsComponentService } from '../component.service';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { hashPassword, PASSWORD_HASH_OPTIONS } from '../passwords/password-hasher';
import { VerificationService } from '../verification/verification.service';
import { storeAccount } from './account-fixtures';

const OLD_PASSWORD = 'the password before the change';

describe('accounts writes that another transaction races, against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let accounts: AccountsComponentService;
  let verification: VerificationService;
  let tokens: EmailTokensService;
  let prisma: PrismaService;

  beforeAll(async () => {
    moduleRef = await createComponentTestingModule('accounts');
    accounts = moduleRef.get(AccountsComponentService);
    verification = moduleRef.get(VerificationService);
    tokens = moduleRef.get(EmailTokensService);
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  beforeEach(() => resetWorkerSchema(prisma));

  it.each([
    ['of today’s parameters', () => hashPassword(OLD_PASSWORD)],
    ['of weaker parameters, which sign-in replaces', () => hashPassword(OLD_PASSWORD, { ...PASSWORD_HASH_OPTIONS, memoryCost: 8192 })],
  ])(
    'a sign-in refuses the old password, starts no session and keeps the new hash when the change commits after the sign-in verified the old hash %s',
    async (_, oldHash) => {
      // The order is forced: the change holds the account's row, the sign-in
      // (old password verified against the committed, old hash) is seen
      // waiting for that row, then the change commits. An unconditional write
      // would start a session the change's "every session ended" never saw,
      // and a rehash would put the old password back.
      const account = await storeAccount(prisma, { password: OLD_PASSWORD, passwordHash: await oldHash() });
      const newHash = await hashPassword('the password after the change');
      const change = await holdTransaction(prisma);
      try {
        await change.tx.$queryRawUnsafe(
          `SELECT id FROM "${prisma.config.schema}"."AccountsUser" WHERE id = $1::uuid FOR UPDATE`,
          account.id,
        );
        const signingIn = accounts.signIn({ email: account.email, password: OLD_PASSWORD });
        await waitUntilBlockedBy(prisma, change.pid, 'the sign-in’s write to the account');
        await change.tx.accountsUser.update({ where: { id: account.id }, data: { passwordHash: newHash }, select: { id: true } });
        await change.commit();

        expect(await signingIn).toBeNull();
      } finally {
        await change.rollback();
      }
      expect(await prisma.accountsSession.count({ where: { userId: account.id } })).toBe(0);
      expect(
        await prisma.accountsUser.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true, lastLoginAt: true } }),
      ).toEqual({
        passwordHash: newHash,
        lastLoginAt: null,
      });
    },
  );

  it('a verification link keeps the first verification time when another verification commits while it waits to write', async () => {
    const account = await storeAccount(prisma);
    const token = await prisma.$transaction((tx) => tokens.issue(tx, account.id, 'VERIFY_EMAIL', account.email, 60 * 60_000));
    const firstVerifiedAt = new Date('2026-01-02T03:04:05.000Z');
    const first = await holdTransaction(prisma);
    try {
      await first.tx.accountsUser.update({ where: { id: account.id }, data: { emailVerifiedAt: firstVerifiedAt }, select: { id: true } });
      const verifying = verification.verify(token);
      await waitUntilBlockedBy(prisma, first.pid, 'the second verification’s write to the account');
      await first.commit();

      expect(await verifying).toEqual({ verified: true, email: account.email });
    } finally {
      await first.rollback();
    }
    expect((await prisma.accountsUser.findUniqueOrThrow({ where: { id: account.id } })).emailVerifiedAt).toEqual(firstVerifiedAt);
  });
});
