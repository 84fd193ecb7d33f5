/**
 * Just enough HTML reading for tests of server-rendered markup, so they assert
 * what a browser or screen reader gets (which attributes an element has)
 * rather than the order React happens to write them in. Attribute names are
 * lower-cased (HTML ignores their case); values stay as written, entities
 * included, so tests can check escaping.
 */
export interface HtmlTag {
  name: string;
  attributes: Record<string, string>;
}

const OPENING_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g;

/** Every opening tag, in document order; `name` narrows to one element name. */
export function tagsOf(html: string, name?: string): HtmlTag[] {
  const tags = [...html.matchAll(OPENING_TAG)].map(([, tagName, attributes]) => ({
    name: tagName.toLowerCase(),
    attributes: Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map(([, key, value]) => [key.toLowerCase(), value ?? ''])),
  }));
  return name ? tags.filter((tag) => tag.name === name) : tags;
}

/** The one element with this id; fails the test when there is none or more than one. */
export function tagWithId(html: string, id: string): HtmlTag {
  const matches = tagsOf(html).filter((tag) => tag.attributes.id === id);
  if (matches.length !== 1) throw new Error(`expected exactly one element with id="${id}", found ${matches.length} in:\n${html}`);
  return matches[0];
}

/**
 * The markup inside the element with this id, up to the first closing tag of
 * its name (so not for an element nested in one of the same name).
 */
export function innerHtmlOfId(html: string, id: string): string {
  const { name } = tagWithId(html, id);
  const start = new RegExp(`<${name}\\b[^>]*\\sid="${escapeRegExp(id)}"[^>]*>`).exec(html);
  if (!start) throw new Error(`no <${name} id="${id}"> in:\n${html}`);
  const rest = html.slice(start.index + start[0].length);
  const end = rest.indexOf(`</${name}>`);
  if (end < 0) throw new Error(`<${name} id="${id}"> is not closed in:\n${html}`);
  return rest.slice(0, end);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text a reader gets from a piece of markup: tags dropped, entities left as written. */
export const textOf = (html: string) => html.replace(/<[^>]*>/g, '');
