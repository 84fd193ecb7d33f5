// A known account for development, so a newcomer can sign in at once (the
// README prints its email and password). Never in production: with
// NODE_ENV=production this seed creates nothing, and a placeholder-free
// production database has no account whose password is public.
import type { ComponentSeed } from '../../../surface/data';
import { isProductionRuntime } from '../../../surface/settings';
import { normaliseEmail } from '../email-address';
import { hashPassword } from '../passwords/password-hasher';

export const DEVELOPMENT_ACCOUNT = {
  email: 'demo@example.com',
  displayName: 'Demo Author',
  password: 'correct horse battery staple',
} as const;

const seed: ComponentSeed<'accounts'> = async (db) => {
  if (isProductionRuntime(process.env)) return;
  const email = normaliseEmail(DEVELOPMENT_ACCOUNT.email);
  const existing = await db.accountsUser.findUnique({ where: { email }, select: { id: true } });
  if (existing) return;
  await db.accountsUser.create({
    data: {
      email,
      displayName: DEVELOPMENT_ACCOUNT.displayName,
      passwordHash: await hashPassword(DEVELOPMENT_ACCOUNT.password),
      emailVerifiedAt: new Date(),
    },
    select: { id: true },
  });
};

export default seed;
