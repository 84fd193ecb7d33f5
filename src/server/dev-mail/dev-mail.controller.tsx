import { Controller, Get, Header, Inject, NotFoundException, Param } from '@nestjs/common';
import { MAIL_SETTINGS, type MailSettings } from '../../platform/mail/mail-settings';
import { smtpServerOf } from '../../platform/mail/smtp-failure';
import { Page } from '../../ssr/page.decorator';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';
import { DevMailPage } from './DevMailPage';
import { mailFileNames, readMailFileText, summariseMailFiles } from './mail-folder';

/** Whether /dev/mail answers: not with NODE_ENV=production (decided when the module is built, as the mail settings). */
export const DEV_MAIL_ENABLED = Symbol('DEV_MAIL_ENABLED');

/** The page lists this many messages; the file transport keeps up to 500. */
const SHOWN = 100;

/**
 * /dev/mail: the file transport's messages, newest first, with their links
 * clickable, and /dev/mail/<file> the raw .eml. In production it answers 404
 * exactly as an address nothing serves: the mail of other people (reset
 * links) must never be one URL away.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
    @Inject(DEV_MAIL_ENABLED) private readonly enabled: boolean,
  ) {}

  @Get()
  @Page()
  async list(@PageContext() context: RenderContext): Promise<string> {
    const transport = this.settings.transport;
    if (!this.enabled) throw new NotFoundException();
    if (transport.kind === 'smtp') {
      return renderPage(<DevMailPage transport={{ kind: 'smtp', server: smtpServerOf(transport.url) }} />, { title: 'Mail', context });
    }
    const names = await mailFileNames(transport.directory);
    const messages = await summariseMailFiles(transport.directory, names.slice(0, SHOWN));
    return renderPage(
      <DevMailPage transport={{ kind: 'file', directory: transport.directory, messages, older: Math.max(0, names.length - SHOWN) }} />,
      { title: 'Mail', context },
    );
  }

  @Get(':file')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async raw(@Param('file') file: string): Promise<string> {
    const transport = this.settings.transport;
    if (!this.enabled || transport.kind !== 'file') throw new NotFoundException();
    const text = await readMailFileText(transport.directory, file);
    if (text === undefined) throw new NotFoundException();
    return text;
  }
}
