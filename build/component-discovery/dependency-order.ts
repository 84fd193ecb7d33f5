// Pure: the order components are set up in (seeds, generated lists), and the
// cycles that make such an order impossible.

/** Component id -> ids it declares in `dependsOn` (only known ids). */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Every id, each after the ids it depends on; ties in name order, so the
 * result is the same on every machine.
 * @returns the order, or the first cycle found (`['a', 'b', 'a']`)
 */
export function dependencyOrder(graph: DependencyGraph): { order: string[]; cycle?: undefined } | { order?: undefined; cycle: string[] } {
  const order: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (done.has(id)) return undefined;
    const seen = path.indexOf(id);
    if (seen >= 0) return [...path.slice(seen), id];
    path.push(id);
    for (const dependency of [...(graph.get(id) ?? [])].sort()) {
      if (!graph.has(dependency)) continue;
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(id);
    order.push(id);
    return undefined;
  };
  for (const id of [...graph.keys()].sort()) {
    const cycle = visit(id);
    if (cycle) return { cycle };
  }
  return { order };
}
