import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { componentRegistry } from '../generated/component-registry';
import type { NavigationEntry } from '../platform/component-meta';
import { Document } from './layout/Document';

export interface RenderPageOptions {
  title: string;
  currentPath: string;
  /** Defaults to the navigation generated from every component's metadata. */
  navigation?: NavigationEntry[];
}

/**
 * A complete HTML5 document with the layout and navigation around a page.
 * Stylesheets a page renders with `precedence` are hoisted into the head.
 */
export function renderPage(page: ReactElement, { title, currentPath, navigation = componentRegistry.navigation }: RenderPageOptions): string {
  return `<!DOCTYPE html>${renderToString(
    <Document title={title} currentPath={currentPath} navigation={navigation}>
      {page}
    </Document>,
  )}`;
}
