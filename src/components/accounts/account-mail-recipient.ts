import type { MailMessage } from '../../surface';

/** Whom an accounts mail goes to: the account's name and address as stored, and whether the address is verified. */
export interface MailRecipient {
  displayName: string;
  email: string;
  emailVerifiedAt: Date | null;
}

/**
 * The `To` header and the greeting of a mail to an account's address. The
 * display name appears only once the address is verified: until then it was
 * chosen by whoever signed up, who may not own the address, and a mail from
 * our domain must not carry their words ("Security team: call …") to a
 * stranger. Unverified: the bare address and "Hello,".
 */
export function addressing({ displayName, email, emailVerifiedAt }: MailRecipient): { to: MailMessage['to']; greeting: string } {
  if (emailVerifiedAt === null) return { to: email, greeting: 'Hello,' };
  return { to: { name: displayName, address: email }, greeting: `Hello ${displayName},` };
}
