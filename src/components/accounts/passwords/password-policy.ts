/** Length limits of a new password, in characters (code points): NIST SP 800-63B asks for at least 8, OWASP for 12 without other rules. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

/** Code points, not UTF-16 units: an emoji counts as one character, as the person typing it sees it. */
export function passwordLength(password: string): number {
  let length = 0;
  for (const _ of password) length++;
  return length;
}
