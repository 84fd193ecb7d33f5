import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// A component's stylesheet is loaded on its pages, but once loaded it applies
// to the whole document: a bare `button {}` in one component restyled every
// form on the page. Each selector must therefore start from something the
// component owns: a class, an id or an attribute.

const ROOT = join(__dirname, '..', '..');

function stylesheetsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : stylesheetsUnder(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Top-level selectors of a flat stylesheet (no nesting), with the line they start on; at-rule blocks are entered. */
function selectorsOf(css: string): { selector: string; line: number }[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: { selector: string; line: number }[] = [];
  const rule = /([^{}]+)\{/g;
  for (const match of withoutComments.matchAll(rule)) {
    const prelude = match[1].trim();
    if (prelude.startsWith('@')) continue;
    const line = withoutComments.slice(0, match.index + match[1].indexOf(prelude)).split('\n').length;
    for (const selector of prelude.split(',')) found.push({ selector: selector.trim(), line });
  }
  return found;
}

/** A selector is scoped when its first compound names a class, an id or an attribute (`:root` is the layout's). */
function isScoped(selector: string): boolean {
  const first = selector.split(/[\s>+~]+/)[0];
  return /[.#[]/.test(first);
}

describe('component stylesheets', () => {
  it('accept selectors that start from a class, id or attribute, and reject bare elements', () => {
    const css = `/* a comment { } */\n.card h2 { }\nbutton,\n.x { }\n@media (max-width: 40rem) {\n  h1 { }\n}\n[data-x] p { }\n`;

    const unscoped = selectorsOf(css).filter(({ selector }) => !isScoped(selector));

    expect(unscoped).toEqual([
      { selector: 'button', line: 3 },
      { selector: 'h1', line: 6 },
    ]);
  });

  // One test over every file: an installation without component stylesheets is fine too.
  it('exist only with selectors their component owns (no bare element selectors)', () => {
    const unscoped = stylesheetsUnder(join(ROOT, 'src', 'components')).flatMap((file) => {
      const path = relative(ROOT, file);
      return selectorsOf(readFileSync(file, 'utf8'))
        .filter(({ selector }) => !isScoped(selector))
        .map(
          ({ selector, line }) =>
            `${path}:${line}: "${selector}" styles every page's ${selector}; scope it under your page's class, e.g. ".my-page ${selector}"`,
        );
    });

    expect(unscoped).toEqual([]);
  });
});
