import type { ReactElement, ReactNode } from 'react';

/**
 * The HTML part's frame: inline styles only (mail clients drop stylesheets
 * and scripts), one readable column.
 */
export function MailLayout({ subject, children }: { subject: string; children: ReactNode }): ReactElement {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style={{ margin: 0, padding: '24px', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5, color: '#1f2328' }}>
        <div style={{ maxWidth: '560px', margin: '0 auto' }}>{children}</div>
      </body>
    </html>
  );
}
