import type { ReactNode } from 'react';
import type { NavigationEntry } from '../../platform/component-meta';
import type { AccountStatus } from '../../platform/http/page-locals';
import kitStylesheet from '../kit/kit.css';
import { FlashMessage } from '../kit/FlashMessage';
import { AccountArea } from './AccountArea';
import favicon from './favicon.svg';
import layoutStylesheet from './layout.css';
import { Navigation } from './Navigation';

export interface DocumentProps {
  /** The document title, before the site name. */
  title: string;
  currentPath: string;
  navigation: NavigationEntry[];
  /** Shown once at the top of the page: the outcome of the action that led here. */
  flash?: string;
  /** Who is signed in; absent when no component provides accounts. */
  account?: AccountStatus;
  children: ReactNode;
}

export const SITE_NAME = 'Component Platform';

/** The whole HTML document: head, skip link, navigation, the flash message and the page in `main`. */
export function Document({ title, currentPath, navigation, flash, account, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${SITE_NAME}`}</title>
        <link rel="icon" href={favicon} type="image/svg+xml" />
        <link rel="stylesheet" href={layoutStylesheet} precedence="layout" />
        <link rel="stylesheet" href={kitStylesheet} precedence="layout" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="site">
          <header className="site-header">
            <a className="site-name" href="/">
              {SITE_NAME}
            </a>
            <Navigation entries={navigation} currentPath={currentPath} />
            {account ? <AccountArea status={account} /> : null}
          </header>
          <main id="main" className="site-main" tabIndex={-1}>
            {flash ? <FlashMessage text={flash} /> : null}
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
