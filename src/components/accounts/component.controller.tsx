import { Body, Controller, Get, Header, Inject, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { displayDate, Page, PageContext, type RenderContext, renderPage, setFlash } from '../../surface';
import { AccountMetrics } from './account-metrics';
import { ACCOUNT_PATHS } from './account-paths';
import { AccountsComponentService } from './component.service';
import type { SignedIn, SignedInUser } from './component.types';
import { SESSION_COOKIE } from './current-session.middleware';
import { EMPTY_SIGN_IN, EMPTY_SIGN_UP, parseSignInForm, parseSignUpForm } from './forms/account-forms';
import { CurrentUser } from './guards/current-user.decorator';
import { RequireUser } from './guards/require-user.decorator';
import { DEFAULT_RETURN_PATH, safeReturnPath } from './guards/return-path';
import { AttemptsService } from './rate-limits/attempts.service';
import type { SessionCookie } from './sessions/session-cookie';
import { AccountPage } from './ui/AccountPage';
import { SignInPage } from './ui/SignInPage';
import { SignUpPage } from './ui/SignUpPage';
import { SignUpSentPage } from './ui/SignUpSentPage';

/** One message for an unknown email, a placeholder account and a wrong password: none tells which emails have accounts. */
export const WRONG_CREDENTIALS = 'The email address or password is not right. Check both and try again.';

/** The network address a request came from (Express's `trust proxy` decides whether X-Forwarded-For counts). */
const clientAddress = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

@Controller('accounts')
export class AccountsComponentController {
  constructor(
    private readonly accounts: AccountsComponentService,
    private readonly attempts: AttemptsService,
    @Inject(SESSION_COOKIE) private readonly cookie: SessionCookie,
    private readonly metrics: AccountMetrics,
  ) {}

  @Get()
  @Redirect(ACCOUNT_PATHS.account, 302)
  root(): void {}

  @Get('sign-up')
  @Page()
  @Header('Cache-Control', 'no-store')
  signUpPage(@Query('returnTo') returnTo: unknown, @PageContext() context: RenderContext): string {
    const page = <SignUpPage values={EMPTY_SIGN_UP} errors={{}} returnTo={safeReturnPath(returnTo) ?? undefined} />;
    return renderPage(page, { title: 'Create an account', context });
  }

  /**
   * Valid: 303 to the "check your email" page, whether or not the address has
   * an account (the mail says which, to the address's owner only); the
   * browser's session, if any, stays as it was. Invalid: 400 with the input
   * kept (not the password).
   */
  @Post('sign-up')
  async signUp(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    const returnTo = safeReturnPath(body.returnTo) ?? undefined;
    const form = parseSignUpForm(body);
    if (!form.ok) {
      const page = <SignUpPage values={form.values} errors={form.errors} returnTo={returnTo} />;
      return void response
        .status(400)
        .type('html')
        .send(renderPage(page, { title: 'Create an account', context, invalid: true }));
    }

    await this.attempts.count('sign-up', { email: form.value.email, address: clientAddress(request) });
    await this.accounts.signUp(form.value);
    response.redirect(303, returnTo ? `${ACCOUNT_PATHS.signUpSent}?returnTo=${encodeURIComponent(returnTo)}` : ACCOUNT_PATHS.signUpSent);
  }

  @Get('sign-up/sent')
  @Page()
  @Header('Cache-Control', 'no-store')
  signUpSent(@Query('returnTo') returnTo: unknown, @PageContext() context: RenderContext): string {
    return renderPage(<SignUpSentPage returnTo={safeReturnPath(returnTo) ?? undefined} />, { title: 'Check your email', context });
  }

  @Get('sign-in')
  @Page()
  @Header('Cache-Control', 'no-store')
  signInPage(@Query('returnTo') returnTo: unknown, @PageContext() context: RenderContext): string {
    const page = <SignInPage values={EMPTY_SIGN_IN} errors={{}} returnTo={safeReturnPath(returnTo) ?? undefined} />;
    return renderPage(page, { title: 'Sign in', context });
  }

  /** Right: a new session (the old one revoked), then 303 to the safe return path. Wrong: 400 and one message for every reason. */
  @Post('sign-in')
  async signIn(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    const returnTo = safeReturnPath(body.returnTo) ?? undefined;
    const form = parseSignInForm(body);
    const show = (page: Parameters<typeof SignInPage>[0]) =>
      response
        .status(400)
        .type('html')
        .send(renderPage(<SignInPage {...page} />, { title: 'Sign in', context, invalid: true }));
    if (!form.ok) return void show({ values: form.values, errors: form.errors, returnTo });

    await this.metrics.signInUnlessLimited(this.attempts.count('sign-in', { email: form.value.email, address: clientAddress(request) }));
    const signedIn = await this.accounts.signIn(form.value, this.cookie.read(request));
    this.metrics.signIns.inc({ outcome: signedIn ? 'succeeded' : 'refused' });
    if (!signedIn) return void show({ values: { email: form.value.email }, errors: { email: WRONG_CREDENTIALS }, returnTo });

    await this.attempts.forgetEmail('sign-in', form.value.email);
    this.startSession(response, signedIn, `Signed in as ${signedIn.user.displayName}.`);
    response.redirect(303, returnTo ?? DEFAULT_RETURN_PATH);
  }

  /** Ends this browser's session, if any, and forgets the cookie. */
  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = this.cookie.read(request);
    if (token) await this.accounts.signOut(token);
    this.cookie.clear(response);
    setFlash(response, 'You are signed out.');
    response.redirect(303, DEFAULT_RETURN_PATH);
  }

  @Get('me')
  @RequireUser()
  @Page()
  async me(@CurrentUser() user: SignedInUser, @PageContext() context: RenderContext): Promise<string> {
    const profile = await this.accounts.profile(user);
    const page = (
      <AccountPage
        displayName={user.displayName}
        email={user.email}
        memberSince={displayDate(profile?.createdAt ?? new Date())}
        activeSessions={profile?.activeSessions ?? 0}
        verificationPending={!profile?.emailVerifiedAt}
      />
    );
    return renderPage(page, { title: 'Your account', context });
  }

  /** Revokes every session of the user, this one included. */
  @Post('me/sign-out-everywhere')
  @RequireUser()
  async signOutEverywhere(@CurrentUser() user: SignedInUser, @Res() response: Response): Promise<void> {
    const ended = await this.accounts.signOutEverywhere(user.id);
    this.cookie.clear(response);
    setFlash(response, `You are signed out everywhere (${ended} session${ended === 1 ? '' : 's'} ended). Sign in again to continue.`);
    response.redirect(303, ACCOUNT_PATHS.signIn);
  }

  private startSession(response: Response, { session }: SignedIn, flash: string): void {
    this.cookie.set(response, session.token, session.expiresAt);
    setFlash(response, flash);
  }
}
