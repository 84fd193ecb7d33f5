/**
 * The form of an email address that is stored and looked up: trimmed,
 * Unicode-normalised (NFC) and lower-cased, so `Ada@Example.com` and
 * `ada@example.com` are one account. (Strictly only the domain is
 * case-insensitive, but no mail provider in use treats the local part
 * otherwise, and two accounts differing in case would be a trap.)
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
