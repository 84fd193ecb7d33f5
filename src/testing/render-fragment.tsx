import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { RenderContext, RenderContextReact } from '../ssr/render-context';

/**
 * Renders a page, or part of one, inside a render context as `renderPage`
 * would, but without the layout: for unit tests of `ui/*.tsx`.
 */
export function renderFragment(element: ReactElement, context: Partial<RenderContext> = {}): string {
  const value: RenderContext = { currentPath: '/', csrfToken: () => 'test-csrf-token', ...context };
  return renderToString(<RenderContextReact.Provider value={value}>{element}</RenderContextReact.Provider>);
}
