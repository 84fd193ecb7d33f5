import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { componentRegistry } from '../generated/component-registry';
import type { NavigationEntry } from '../platform/component-meta';
import { Document } from './layout/Document';
import { RenderContext, RenderContextReact } from './render-context';

export interface RenderPageOptions {
  title: string;
  /** From `@PageContext()` in the handler (or `renderContextOf` in a filter). */
  context: RenderContext;
  /** Defaults to the navigation generated from every component's metadata. */
  navigation?: NavigationEntry[];
}

/**
 * A complete HTML5 document with the layout and navigation around a page.
 * Stylesheets a page renders with `precedence` are hoisted into the head.
 */
export function renderPage(page: ReactElement, { title, context, navigation = componentRegistry.navigation }: RenderPageOptions): string {
  return `<!DOCTYPE html>${renderToString(
    <RenderContextReact.Provider value={context}>
      <Document title={title} currentPath={context.currentPath} navigation={navigation}>
        {page}
      </Document>
    </RenderContextReact.Provider>,
  )}`;
}
