import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageContext, type RenderContext, renderPage, setFlash } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import type { SignedInUser } from '../component.types';
import { CurrentUser } from '../guards/current-user.decorator';
import { RequireUser } from '../guards/require-user.decorator';
import { signedInUserOf } from '../guards/signed-in-request';
import { AttemptsService } from '../rate-limits/attempts.service';
import { VerificationLinkInvalidPage } from './ui/VerificationLinkInvalidPage';
import { VerifyEmailPage } from './ui/VerifyEmailPage';
import { VERIFICATION_LINK_TTL_TEXT } from './verification-policy';
import { VerificationService } from './verification.service';

/**
 * A page that carries a token in its address or form: no Referer to the
 * next site (the token would be in it), and no copy in any cache.
 */
function tokenPageHeaders(response: Response): Response {
  return response.setHeader('Referrer-Policy', 'no-referrer').setHeader('Cache-Control', 'no-store').type('html');
}

/** Following a verification link (GET shows a button, POST verifies) and asking for a new one. */
@Controller('accounts')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly attempts: AttemptsService,
  ) {}

  @Get('verify-email')
  async confirmPage(@Query('token') token: unknown, @Res() response: Response, @PageContext() context: RenderContext): Promise<void> {
    tokenPageHeaders(response);
    if (typeof token !== 'string' || !(await this.verification.isUsable(token))) return void this.invalid(response, context);
    response.send(renderPage(<VerifyEmailPage token={token} />, { title: 'Confirm your email address', context }));
  }

  /** Verified: 303 to the account page, or to sign in for a browser that is signed out, with a flash. Else 400 and one page. */
  @Post('verify-email')
  async confirm(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @PageContext() context: RenderContext,
  ): Promise<void> {
    tokenPageHeaders(response);
    const outcome = await this.verification.verify(body.token);
    if (!outcome.verified) return void this.invalid(response, context);
    const signedIn = signedInUserOf(request) !== null;
    setFlash(response, `Thank you: ${outcome.email} is confirmed as your email address.${signedIn ? '' : ' Sign in to continue.'}`);
    response.redirect(303, signedIn ? ACCOUNT_PATHS.account : ACCOUNT_PATHS.signIn);
  }

  /** Queues a new link (rate limited per address: 429 past it), then 303 back to the account page with a flash. */
  @Post('me/verification')
  @RequireUser()
  async resend(@CurrentUser() user: SignedInUser, @Res() response: Response): Promise<void> {
    if (await this.verification.isVerified(user.id)) {
      setFlash(response, `Your email address ${user.email} is confirmed already; there is nothing more to do.`);
      return void response.redirect(303, ACCOUNT_PATHS.account);
    }
    await this.attempts.count('verification-resend', { email: user.email });
    await this.verification.sendLink(user.id);
    setFlash(response, `We sent a new link to ${user.email}. It works for ${VERIFICATION_LINK_TTL_TEXT}.`);
    response.redirect(303, ACCOUNT_PATHS.account);
  }

  private invalid(response: Response, context: RenderContext): void {
    response.status(400).send(renderPage(<VerificationLinkInvalidPage />, { title: 'This link cannot be used', context }));
  }
}
