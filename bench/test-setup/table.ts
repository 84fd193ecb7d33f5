/** A GitHub-flavoured markdown table, columns padded so it also reads well in a terminal. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (cell ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `PASS`/`MISS` against a target, with the target written out: `PASS (≤ 2.5 s)`. */
export function verdict(ok: boolean, target: string): string {
  return `${ok ? 'PASS' : 'MISS'} (${target})`;
}
