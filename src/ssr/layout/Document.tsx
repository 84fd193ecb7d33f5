import type { ReactNode } from 'react';
import type { NavigationEntry } from '../../platform/component-meta';
import layoutStylesheet from './layout.css';
import { Navigation } from './Navigation';

export interface DocumentProps {
  title: string;
  currentPath: string;
  navigation: NavigationEntry[];
  children: ReactNode;
}

export const SITE_NAME = 'Component Platform';

/** The whole HTML document: head, skip link, left navigation and the page in `main`. */
export function Document({ title, currentPath, navigation, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${SITE_NAME}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={layoutStylesheet} precedence="layout" />
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
          </header>
          <main id="main" className="site-main" tabIndex={-1}>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
