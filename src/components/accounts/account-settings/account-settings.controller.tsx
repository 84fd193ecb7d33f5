import { Body, Controller, Get, Header, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, PageContext, type RenderContext, renderPage, setFlash } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import type { SignedInUser } from '../component.types';
import { SESSION_COOKIE } from '../current-session.middleware';
import { CurrentUser } from '../guards/current-user.decorator';
import { RequireUser } from '../guards/require-user.decorator';
import { DEFAULT_RETURN_PATH } from '../guards/return-path';
import { AttemptsService } from '../rate-limits/attempts.service';
import type { SessionCookie } from '../sessions/session-cookie';
import { AccountSettingsService } from './account-settings.service';
import { type FormErrors, parseChangePasswordForm, parseDeleteAccountForm } from './account-settings-forms';
import { ChangePasswordPage } from './ui/ChangePasswordPage';
import { DeleteAccountPage } from './ui/DeleteAccountPage';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not right. Enter the password you sign in with; nothing was changed.';
export const WRONG_PASSWORD_TO_DELETE = 'The password is not right. Enter the password you sign in with; your account was not deleted.';
export const PASSWORD_CHANGED = 'Your password is changed. Every other browser or device signed in to your account is signed out.';
export const ACCOUNT_DELETED =
  'Your account is deleted and you are signed out. You can create a new account with the same address at any time.';

const clientAddress = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

/**
 * The signed-in person's own account: changing the password and deleting
 * the account. The password checks count as sign-in attempts for the
 * account's email (AttemptsService, kind 'sign-in'): guessing through these
 * forms with a stolen session shares the sign-in budget instead of adding one.
 */
@Controller('accounts/me')
@RequireUser()
export class AccountSettingsController {
  constructor(
    private readonly settings: AccountSettingsService,
    private readonly attempts: AttemptsService,
    @Inject(SESSION_COOKIE) private readonly cookie: SessionCookie,
  ) {}

  @Get('password')
  @Page()
  @Header('Cache-Control', 'no-store')
  changePasswordPage(@PageContext() context: RenderContext): string {
    return renderPage(<ChangePasswordPage errors={{}} />, { title: 'Change your password', context });
  }

  /** Right current password and a valid new one: changed, other sessions ended, 303 to the account page. Otherwise 400, nothing changed. */
  @Post('password')
  async changePassword(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: SignedInUser,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    const refuse = (errors: FormErrors<'currentPassword' | 'newPassword'>) =>
      response
        .status(400)
        .type('html')
        .send(renderPage(<ChangePasswordPage errors={errors} />, { title: 'Change your password', context, invalid: true }));
    const form = parseChangePasswordForm(body);
    if (!form.ok) return void refuse(form.errors);

    await this.attempts.count('sign-in', { email: user.email, address: clientAddress(request) });
    const { currentPassword, newPassword } = form.value;
    const outcome = await this.settings.changePassword(user.id, currentPassword, newPassword, this.cookie.read(request));
    if (outcome === 'wrong-password') return void refuse({ currentPassword: WRONG_CURRENT_PASSWORD });

    // Committed: nothing from here on may answer with an error (forgetEmailAfter only logs).
    await this.attempts.forgetEmailAfter('a password change', 'sign-in', user.email);
    setFlash(response, PASSWORD_CHANGED);
    response.redirect(303, ACCOUNT_PATHS.account);
  }

  @Get('delete')
  @Page()
  @Header('Cache-Control', 'no-store')
  deleteAccountPage(@CurrentUser() user: SignedInUser, @PageContext() context: RenderContext): string {
    return renderPage(<DeleteAccountPage email={user.email} errors={{}} />, { title: 'Delete your account?', context });
  }

  /** Right password: the account is deleted (soft), every session ended, this browser's cookie cleared, 303 home. Wrong: 400, nothing changed. */
  @Post('delete')
  async deleteAccount(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: SignedInUser,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    const refuse = (errors: FormErrors<'password'>) =>
      response
        .status(400)
        .type('html')
        .send(
          renderPage(<DeleteAccountPage email={user.email} errors={errors} />, { title: 'Delete your account?', context, invalid: true }),
        );
    const form = parseDeleteAccountForm(body);
    if (!form.ok) return void refuse(form.errors);

    await this.attempts.count('sign-in', { email: user.email, address: clientAddress(request) });
    const outcome = await this.settings.deleteAccount(user.id, form.value.password);
    if (outcome === 'wrong-password') return void refuse({ password: WRONG_PASSWORD_TO_DELETE });

    // The address may sign up again: its old failed attempts should not count against the new account.
    // Committed: nothing from here on may answer with an error (forgetEmailAfter only logs).
    await this.attempts.forgetEmailAfter('an account deletion', 'sign-in', user.email);
    this.cookie.clear(response);
    setFlash(response, ACCOUNT_DELETED);
    response.redirect(303, DEFAULT_RETURN_PATH);
  }
}
