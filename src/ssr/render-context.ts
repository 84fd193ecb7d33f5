import { createContext, useContext } from 'react';
import type { AccountStatus } from '../platform/http/page-locals';

/**
 * What the layout and the platform's form helpers need to know about the
 * request a page is rendered for. Pages never see it: they get their own
 * props, and `<CsrfField />` reads the token from here.
 */
export interface RenderContext {
  /** The request's path, for the navigation's current entry. */
  currentPath: string;
  /** A CSRF token for the forms of this page; generated (and its cookie set) on first use. */
  csrfToken: () => string;
  /** The flash message the previous action left for this page (see setFlash); taken, so shown once. */
  flash?: () => string | undefined;
  /** Who is signed in, for the layout (see AccountStatus). */
  account?: AccountStatus;
}

export const RenderContextReact = createContext<RenderContext | null>(null);

/** The context of the page being rendered; only inside `renderPage`. */
export function useRenderContext(): RenderContext {
  const context = useContext(RenderContextReact);
  if (!context) {
    throw new Error(
      'rendered outside renderPage(): render pages with renderPage(page, { title, context }) and take the context from @PageContext()',
    );
  }
  return context;
}
