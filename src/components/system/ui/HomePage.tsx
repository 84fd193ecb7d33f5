export interface HomePageProps {
  components: { id: string; title: string; description?: string; path?: string }[];
}

export function HomePage({ components }: HomePageProps) {
  return (
    <section aria-labelledby="home-heading">
      <h1 id="home-heading">Components</h1>
      {components.length === 0 ? (
        <p>No components yet. Add a folder under src/components/ and rebuild.</p>
      ) : (
        <ul>
          {components.map((component) => (
            <li key={component.id}>
              {component.path ? <a href={component.path}>{component.title}</a> : component.title}
              {component.description ? ` — ${component.description}` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
