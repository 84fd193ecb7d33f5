import { createHash } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createComponentTestingModule } from '../../../testing/create-component-testing-module';
import { holdTransaction, waitUntilBlockedBy } from '../../../testing/database/held-transaction';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { emailTokenHash } from '../email-tokens/email-token';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { storeAccount } from './account-fixtures';

const MINUTE = 60_000;

describe('EmailTokensService against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let tokens: EmailTokensService;
  let prisma: PrismaService;

  beforeAll(async () => {
    moduleRef = await createComponentTestingModule('accounts');
    tokens = moduleRef.get(EmailTokensService);
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  beforeEach(() => resetWorkerSchema(prisma));

  const issue = (
    userId: string,
    purpose: 'PASSWORD_RESET' | 'VERIFY_EMAIL' = 'PASSWORD_RESET',
    ttl = 30 * MINUTE,
    email = 'Owner@Example.test',
  ) => prisma.$transaction((tx) => tokens.issue(tx, userId, purpose, email, ttl));
  const consume = (token: string, purpose: 'PASSWORD_RESET' | 'VERIFY_EMAIL' = 'PASSWORD_RESET') =>
    prisma.$transaction((tx) => tokens.consume(tx, token, purpose));
  /** The same token with one character changed, still of a valid shape. */
  const tampered = (token: string) => `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;

  it('issues 32 random bytes in base64url and stores only their SHA-256, the normalised address and the expiry', async () => {
    const account = await storeAccount(prisma);
    const before = Date.now();
    const token = await issue(account.id);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await prisma.accountsEmailToken.findMany();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Buffer.from(row.tokenHash).equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(row).toMatchObject({ userId: account.id, purpose: 'PASSWORD_RESET', email: 'owner@example.test', usedAt: null });
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * MINUTE);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await issue(account.id)).not.toBe(token);
  });

  it('gives the account and address once, then null: a link works a single time', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);

    expect(await consume(token)).toEqual({ userId: account.id, email: 'owner@example.test' });
    expect(await consume(token)).toBeNull();
    expect((await prisma.accountsEmailToken.findFirstOrThrow()).usedAt).toBeInstanceOf(Date);
  });

  it('refuses an expired token and leaves it unused', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);
    await prisma.accountsEmailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await consume(token)).toBeNull();
    expect((await prisma.accountsEmailToken.findFirstOrThrow()).usedAt).toBeNull();
  });

  it('refuses a token issued for the other purpose, which stays usable for its own', async () => {
    const account = await storeAccount(prisma);
    const verification = await issue(account.id, 'VERIFY_EMAIL');

    expect(await consume(verification, 'PASSWORD_RESET')).toBeNull();
    expect(await prisma.$transaction((tx) => tokens.peek(tx, verification, 'PASSWORD_RESET'))).toBeNull();
    expect(await consume(verification, 'VERIFY_EMAIL')).toEqual({ userId: account.id, email: 'owner@example.test' });
  });

  it('refuses every token of a deleted account', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);
    await prisma.accountsUser.update({ where: { id: account.id }, data: { deletedAt: new Date() } });

    expect(await consume(token)).toBeNull();
  });

  it('refuses a tampered, truncated, padded or non-string token without looking anything up', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);

    for (const attempt of [tampered(token), token.slice(1), `${token}=`, `${token} `, '', undefined, [token], { token }]) {
      expect(await consume(attempt as string)).toBeNull();
    }
    expect(await consume(token)).not.toBeNull();
  });

  it('peeks without using the token up', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);

    expect(await tokens.peek(prisma, token, 'PASSWORD_RESET')).toEqual({ userId: account.id, email: 'owner@example.test' });
    expect(await consume(token)).not.toBeNull();
    expect(await tokens.peek(prisma, token, 'PASSWORD_RESET')).toBeNull();
  });

  it('gives null to a use that waited for another transaction’s use of the same token to commit', async () => {
    // The order is forced, not hoped for: A has used the token and holds its
    // row; B's use is seen waiting for that row; then A commits. A use that
    // read the token, then wrote it by id, would give B the holder too: B
    // reads it unused (A's write is not committed), waits, then writes anyway.
    const account = await storeAccount(prisma);
    const token = await issue(account.id);
    const first = await holdTransaction(prisma);
    try {
      expect(await tokens.consume(first.tx, token, 'PASSWORD_RESET')).toEqual({ userId: account.id, email: 'owner@example.test' });
      const second = consume(token);
      await waitUntilBlockedBy(prisma, first.pid, 'the second use of the token');
      await first.commit();

      expect(await second).toBeNull();
    } finally {
      await first.rollback();
    }
    expect(await prisma.accountsEmailToken.count({ where: { usedAt: { not: null } } })).toBe(1);
  });

  it('keeps the token usable when the transaction that used it rolls back', async () => {
    const account = await storeAccount(prisma);
    const token = await issue(account.id);

    await expect(
      prisma.$transaction(async (tx) => {
        expect(await tokens.consume(tx, token, 'PASSWORD_RESET')).not.toBeNull();
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');

    expect(await consume(token)).not.toBeNull();
  });

  it('deletes one account’s tokens of one purpose, used or not, and nothing else', async () => {
    const owner = await storeAccount(prisma);
    const other = await storeAccount(prisma);
    const used = await issue(owner.id);
    await consume(used);
    await issue(owner.id);
    const verification = await issue(owner.id, 'VERIFY_EMAIL');
    const othersReset = await issue(other.id);

    expect(await prisma.$transaction((tx) => tokens.deleteFor(tx, owner.id, 'PASSWORD_RESET'))).toBe(2);

    const left = await prisma.accountsEmailToken.findMany({ select: { tokenHash: true } });
    expect(left.map(({ tokenHash }) => Buffer.from(tokenHash).toString('hex')).sort()).toEqual(
      [verification, othersReset].map((token) => Buffer.from(emailTokenHash(token)).toString('hex')).sort(),
    );
  });
});
