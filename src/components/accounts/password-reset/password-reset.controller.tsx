import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, PageContext, type RenderContext, renderPage, setFlash } from '../../../surface';
import { AccountMetrics } from '../account-metrics';
import { ACCOUNT_PATHS } from '../account-paths';
import { SESSION_COOKIE } from '../current-session.middleware';
import { AttemptsService } from '../rate-limits/attempts.service';
import type { SessionCookie } from '../sessions/session-cookie';
import { EMPTY_RESET_REQUEST, parseNewPasswordForm, parseResetRequestForm } from './password-reset-forms';
import { PASSWORD_RESET_PATHS, RESET_LINK_TTL_MINUTES } from './password-reset-paths';
import { PasswordResetService } from './password-reset.service';
import { NewPasswordPage } from './ui/NewPasswordPage';
import { PasswordResetRequestPage } from './ui/PasswordResetRequestPage';
import { PasswordResetSentPage } from './ui/PasswordResetSentPage';
import { RESET_LINK_INVALID_TITLE, ResetLinkInvalidPage } from './ui/ResetLinkInvalidPage';

/** The network address a request came from (Express's `trust proxy` decides whether X-Forwarded-For counts). */
const clientAddress = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

/**
 * A page holding a reset token: no Referer carries it to another site (or
 * this one), and no cache keeps it.
 */
function tokenPageHeaders(response: Response): void {
  response.set({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });
}

@Controller('accounts/password-reset')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly attempts: AttemptsService,
    @Inject(SESSION_COOKIE) private readonly cookie: SessionCookie,
    private readonly metrics: AccountMetrics,
  ) {}

  @Get()
  @Page()
  @Header('Cache-Control', 'no-store')
  requestPage(@PageContext() context: RenderContext): string {
    return renderPage(<PasswordResetRequestPage values={EMPTY_RESET_REQUEST} errors={{}} />, { title: 'Reset your password', context });
  }

  /**
   * The same answer and the same work for every well-formed address, with
   * an account or without: the limits counted, one job queued, 303 to the
   * "check your email" page. The job decides whether to mail.
   */
  @Post()
  async request(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    const form = parseResetRequestForm(body);
    if (!form.ok) {
      const page = <PasswordResetRequestPage values={form.values} errors={form.errors} />;
      return void response
        .status(400)
        .type('html')
        .send(renderPage(page, { title: 'Reset your password', context, invalid: true }));
    }
    await this.attempts.count('password-reset', { email: form.value.email, address: clientAddress(request) });
    await this.resets.request(form.value.email);
    this.metrics.passwordResets.inc({ stage: 'requested' });
    response.redirect(303, PASSWORD_RESET_PATHS.sent);
  }

  @Get('sent')
  @Page()
  sentPage(@PageContext() context: RenderContext): string {
    return renderPage(<PasswordResetSentPage validMinutes={RESET_LINK_TTL_MINUTES} />, { title: 'Check your email', context });
  }

  /** The mailed link: the new-password form while the token is usable, else the one "link not valid" page (400). */
  @Get('new')
  async newPasswordPage(@Query('token') token: unknown, @Res() response: Response, @PageContext() context: RenderContext): Promise<void> {
    tokenPageHeaders(response);
    if (!(await this.resets.isUsable(token))) return this.linkInvalid(response, context);
    const page = <NewPasswordPage token={token as string} errors={{}} />;
    response.type('html').send(renderPage(page, { title: 'Choose a new password', context }));
  }

  /**
   * Sets the password, signs every other browser out and this one in, then
   * 303 to the account page. A password the rules refuse: the form again
   * (400, token kept). A token that no longer works: the "link not valid" page.
   */
  @Post('new')
  async setPassword(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    tokenPageHeaders(response);
    const token = body.token;
    const form = parseNewPasswordForm(body);
    if (!form.ok) {
      if (!(await this.resets.isUsable(token))) return this.linkInvalid(response, context);
      const page = <NewPasswordPage token={token as string} errors={form.errors} />;
      return void response
        .status(400)
        .type('html')
        .send(renderPage(page, { title: 'Choose a new password', context, invalid: true }));
    }
    const signedIn = await this.resets.reset(token, form.value.password, this.cookie.read(request));
    if (!signedIn) return this.linkInvalid(response, context);
    this.metrics.passwordResets.inc({ stage: 'completed' });

    // Committed: the token is used up, so nothing from here on may answer with an error (forgetEmailAfter only logs).
    // The owner locked out by failed sign-ins is back in, and signs in normally from now on.
    await this.attempts.forgetEmailAfter('a password reset', 'sign-in', signedIn.user.email);
    this.cookie.set(response, signedIn.session.token, signedIn.session.expiresAt);
    setFlash(
      response,
      `Your new password is set and you are signed in as ${signedIn.user.displayName}. Every other browser was signed out.`,
    );
    response.redirect(303, ACCOUNT_PATHS.account);
  }

  private linkInvalid(response: Response, context: RenderContext): void {
    const page = <ResetLinkInvalidPage validMinutes={RESET_LINK_TTL_MINUTES} />;
    response
      .status(400)
      .type('html')
      .send(renderPage(page, { title: RESET_LINK_INVALID_TITLE, context }));
  }
}
