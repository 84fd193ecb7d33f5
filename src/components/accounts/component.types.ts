/** The accounts component's own types: what its services take and return. None holds a password or token hash. */

/** Who is signed in, as other components see it (`@CurrentUser()`). */
export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
}

/** A session just started: the token goes into the cookie and nowhere else. */
export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface SignedIn {
  user: SignedInUser;
  session: IssuedSession;
}

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
}

export interface Credentials {
  email: string;
  password: string;
}

/** What `/accounts/me` shows. */
export interface AccountProfile extends SignedInUser {
  createdAt: Date;
  lastLoginAt: Date | null;
  /** Null until a verification link sent to the address is followed. */
  emailVerifiedAt: Date | null;
  /** Sessions not revoked or expired, this one included. */
  activeSessions: number;
}
