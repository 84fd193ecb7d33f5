// Pages: handlers that answer HTML, the render context, the UI kit, flash messages and dates.
export { type DisplayDate, displayDate } from '../ssr/display-date';
export { setFlash } from '../ssr/flash/flash-cookie';
export * from '../ssr/kit';
export { Page } from '../ssr/page.decorator';
export { PageContext } from '../ssr/page-context';
export type { RenderContext } from '../ssr/render-context';
export { renderPage, type RenderPageOptions } from '../ssr/render-page';
