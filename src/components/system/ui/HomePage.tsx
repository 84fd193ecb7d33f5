import { Card, PageHeader } from '../../../surface';

export interface HomeEntry {
  id: string;
  /** The component's navigation label, so the card and the navigation say the same. */
  label: string;
  description?: string;
  path: string;
}

export interface HomePageProps {
  /** In navigation order. */
  entries: HomeEntry[];
}

/** The start page: one card per component in the navigation, in its order. */
export function HomePage({ entries }: HomePageProps) {
  return (
    <>
      <PageHeader title="Components" lead="Everything this installation offers. Each is a component under src/components/." />
      {entries.length === 0 ? (
        <p>No components yet. Create one with npm run component:new -- &lt;id&gt; and rebuild.</p>
      ) : (
        <ul className="component-grid">
          {entries.map((entry) => (
            <li key={entry.id}>
              <Card
                id={`component-${entry.id}`}
                title={entry.label}
                actions={
                  <a href={entry.path} aria-label={`Open ${entry.label}`}>
                    Open {entry.label}
                  </a>
                }
              >
                {entry.description ? <p>{entry.description}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
