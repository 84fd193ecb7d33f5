import { Injectable } from '@nestjs/common';
import { HandlesJob, type QueuedJob, type TransactionClient } from '../../../surface';
import { PasswordResetService } from './password-reset.service';
import { SendPasswordReset } from './send-password-reset.job';

/**
 * Runs accounts/send-password-reset in the job's transaction. Run twice
 * (the process died after the commit), it mails a second, equally valid
 * link: harmless, and rarer than a lost mail would be.
 */
@Injectable()
export class SendPasswordResetHandler {
  constructor(private readonly resets: PasswordResetService) {}

  @HandlesJob(SendPasswordReset)
  async run(job: QueuedJob<{ email: string }>, tx: TransactionClient): Promise<void> {
    await this.resets.mailLink(tx, job.payload.email);
  }
}
