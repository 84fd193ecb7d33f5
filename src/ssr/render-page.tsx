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
  /** The page shows a rejected form: the document title starts with "Error: ", so screen readers say so first. */
  invalid?: boolean;
  /** Defaults to the navigation generated from every component's metadata. */
  navigation?: NavigationEntry[];
}

/**
 * A complete HTML5 document with the layout, navigation and flash message around a page.
 * Stylesheets a page renders with `precedence` are hoisted into the head.
 */
export function renderPage(
  page: ReactElement,
  { title, context, invalid = false, navigation = componentRegistry.navigation }: RenderPageOptions,
): string {
  return `<!DOCTYPE html>${renderToString(
    <RenderContextReact.Provider value={context}>
      <Document
        title={invalid ? `Error: ${title}` : title}
        currentPath={context.currentPath}
        navigation={navigation}
        flash={context.flash?.()}
        account={context.account}
      >
        {page}
      </Document>
    </RenderContextReact.Provider>,
  )}`;
}
