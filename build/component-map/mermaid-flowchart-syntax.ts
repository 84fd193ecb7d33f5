// Mermaid `flowchart` text, within what its grammar accepts:
// - node ids are `c_<component id>` with dashes as `_` (one-to-one, since ids
//   have no `_`): a bare id such as `end` or `graph` is a keyword, and a dash
//   can be read as part of an arrow;
// - labels are double-quoted; inside them `"`, `#`, `<`, `>` and `&` are written
//   as numeric entity codes (`#34;` ...), so only the `<br/>` and `<b>` the
//   renderer puts there are markup.

/** The node of a component. */
export function componentNode(id: string): string {
  return `c_${id.replace(/-/g, '_')}`;
}

/** The node that collects a component's events nobody listens to. */
export function unheardNode(id: string): string {
  return `u_${id.replace(/-/g, '_')}`;
}

/** Text shown as is inside a quoted label. */
export function labelText(text: string): string {
  return text.replace(/[#"<>&]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A dashed arrow labelled with an event name. */
export function eventArrow(from: string, event: string, to: string): string {
  return `  ${from} -.->|"${labelText(event)}"| ${to}`;
}

/** A solid arrow: `from` depends on `to`. */
export function dependencyArrow(from: string, to: string): string {
  return `  ${from} --> ${to}`;
}
