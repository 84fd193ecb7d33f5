export interface ErrorSummaryProps {
  /** Messages by field name; the fields' ids equal their names (see FormField). */
  errors: Partial<Record<string, string | undefined>>;
}

/**
 * At the top of a rejected form: every problem as a link to its field, so
 * keyboard and screen-reader users reach each one. Announced on load
 * (`role="alert"`); pair it with `renderPage(…, { invalid: true })`, which
 * prefixes the document title with "Error:".
 */
export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const problems = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        There is a problem
      </h2>
      <ul>
        {problems.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
