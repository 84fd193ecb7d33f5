import type { ReactNode } from 'react';
import { Card, PageHeader } from '../../ssr/kit';
import stylesheet from './dev-mail.css';
import type { MailFileSummary } from './mail-folder';

export interface DevMailPageProps {
  /** `file`: the folder and its newest messages; `smtp`: mail leaves through this server, nothing is kept. */
  transport: { kind: 'file'; directory: string; messages: MailFileSummary[]; older: number } | { kind: 'smtp'; server: string };
}

const LINK = /https?:\/\/[^\s<>"]+/g;

/** The plain-text part with every http(s) link made a link; everything else stays text (React escapes it). */
function withLinks(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(text.slice(at, match.index));
    parts.push(
      <a key={match.index} href={match[0]}>
        {match[0]}
      </a>,
    );
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return parts;
}

const shownDate = (date: Date | undefined) =>
  date ? <time dateTime={date.toISOString()}>{`${date.toISOString().replace('T', ' ').slice(0, 19)} UTC`}</time> : 'no date';

/** /dev/mail: what the app would have mailed, newest first (development only). */
export function DevMailPage({ transport }: DevMailPageProps) {
  if (transport.kind === 'smtp') {
    return (
      <PageHeader
        title="Mail"
        caption="Development"
        lead={`This app sends mail through the SMTP server ${transport.server} (SMTP_URL), so no message is kept here. Unset SMTP_URL to have mail written to files and listed on this page.`}
      />
    );
  }
  const { directory, messages, older } = transport;
  return (
    <>
      <link rel="stylesheet" href={stylesheet} precedence="component" />
      <PageHeader
        title="Mail"
        caption="Development"
        lead={`What the app mailed, newest first: the .eml files in ${directory}. Production sends through SMTP_URL instead, and this page does not exist there.`}
      />
      {messages.length === 0 ? <p>No mail yet.</p> : null}
      {messages.map((message, index) => (
        <Card
          key={message.file}
          id={`mail-${index}`}
          title={message.subject || '(no subject)'}
          meta={
            <>
              {shownDate(message.date)}
              {` · to ${message.to} · `}
              <a href={`/dev/mail/${encodeURIComponent(message.file)}`}>{message.file}</a>
            </>
          }
        >
          <pre className="dev-mail-text">{withLinks(message.text)}</pre>
        </Card>
      ))}
      {older > 0 ? <p>{`${older} older messages are not shown; they are in ${directory}.`}</p> : null}
    </>
  );
}
