import type { NavigationEntry } from '../../platform/component-meta';

export interface NavigationProps {
  entries: NavigationEntry[];
  currentPath: string;
}

/** The current entry is the one whose path equals or contains the current path. */
export function isCurrent(entryPath: string, currentPath: string): boolean {
  if (entryPath === '/') return currentPath === '/';
  return currentPath === entryPath || currentPath.startsWith(`${entryPath}/`);
}

export function Navigation({ entries, currentPath }: NavigationProps) {
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {entries.map((entry) => (
          <li key={entry.componentId}>
            <a href={entry.path} aria-current={isCurrent(entry.path, currentPath) ? 'page' : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
