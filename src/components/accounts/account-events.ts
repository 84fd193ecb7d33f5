import { defineEvent } from '../../surface';

/**
 * An account was deleted (soft: the row stays, with no password, no sessions
 * and its address freed). Published in the transaction of the deletion.
 * Listeners hide or remove what belongs to `accountId`; the id never signs in
 * again, and the address it had may belong to a new account later, so it is
 * not in the payload. See docs/guides/accounts.md.
 */
export const AccountDeleted = defineEvent<{ accountId: string }>({ component: 'accounts', name: 'account-deleted', version: 1 });
