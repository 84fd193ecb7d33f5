import { Injectable } from '@nestjs/common';
import { ComponentMetrics, DomainError } from '../../surface';

/**
 * What accounts counts for the operator (docs/operations.md, "Metrics"):
 * accounts_sign_ins_total{outcome}, accounts_sign_ups_total,
 * accounts_password_resets_total{stage}. Counters only: nothing here
 * changes an answer.
 */
@Injectable()
export class AccountMetrics {
  readonly signIns;
  readonly signUps;
  readonly passwordResets;

  constructor(metrics: ComponentMetrics) {
    const accounts = metrics.forComponent('accounts');
    this.signIns = accounts.counter('sign_ins', {
      help: 'Sign-in attempts with a well-formed form: succeeded, refused (wrong email or password), limited (too many attempts, 429)',
      labels: { outcome: ['succeeded', 'refused', 'limited'] },
    });
    this.signUps = accounts.counter('sign_ups', {
      help: 'Accounts created by sign-up (a sign-up with an address that has an account creates none)',
    });
    this.passwordResets = accounts.counter('password_resets', {
      help: 'Password resets: requested (a well-formed request, whether or not the address has an account), completed (a new password set through a link)',
      labels: { stage: ['requested', 'completed'] },
    });
  }

  /** Counts a sign-in refused by its rate limit when `attempt` (AttemptsService.count) rejects with RATE_LIMITED; rethrows. */
  async signInUnlessLimited(attempt: Promise<void>): Promise<void> {
    try {
      await attempt;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') this.signIns.inc({ outcome: 'limited' });
      throw error;
    }
  }
}
