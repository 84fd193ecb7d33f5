import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { secureCookies } from '../../surface';
import { AccountMetrics } from './account-metrics';
import { AccountSettingsController } from './account-settings/account-settings.controller';
import { AccountSettingsService } from './account-settings/account-settings.service';
import { AccountsComponentController } from './component.controller';
import { AccountsComponentService } from './component.service';
import { CurrentSessionMiddleware, SESSION_COOKIE } from './current-session.middleware';
import { EmailTokensService } from './email-tokens/email-tokens.service';
import { RequireUserGuard } from './guards/require-user.guard';
import { ExpiredRecordsPruner } from './maintenance/expired-records.pruner';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { SendPasswordResetHandler } from './password-reset/send-password-reset.handler';
import { AttemptsService } from './rate-limits/attempts.service';
import { SessionCookie } from './sessions/session-cookie';
import { readSessionPolicy } from './sessions/session-policy';
import { SESSION_POLICY, SessionsService } from './sessions/sessions.service';
import { VerificationMailJobs } from './verification/verification-mail.jobs';
import { VerificationController } from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

/** Accounts and sessions; looks up the signed-in user on every request for @RequireUser(), @CurrentUser() and the layout. */
@Module({
  controllers: [AccountsComponentController, AccountSettingsController, PasswordResetController, VerificationController],
  providers: [
    AccountMetrics,
    AccountsComponentService,
    AccountSettingsService,
    SessionsService,
    AttemptsService,
    EmailTokensService,
    VerificationService,
    VerificationMailJobs,
    PasswordResetService,
    SendPasswordResetHandler,
    RequireUserGuard,
    CurrentSessionMiddleware,
    ExpiredRecordsPruner,
    { provide: SESSION_POLICY, useFactory: () => readSessionPolicy(process.env) },
    { provide: SESSION_COOKIE, useFactory: () => new SessionCookie(secureCookies(process.env)) },
  ],
  // What index.ts re-exports for dependents (dependsOn: ['accounts']): the guard behind @RequireUser().
  exports: [RequireUserGuard],
})
export class AccountsComponentModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CurrentSessionMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
