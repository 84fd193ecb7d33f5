import { PageHeader } from '../kit/PageHeader';

export interface ErrorAction {
  href: string;
  label: string;
}

export interface ErrorPageProps {
  status: number;
  heading: string;
  message: string;
  /** What the reader can do next, most useful first. */
  actions: ErrorAction[];
  /** The request id the log line about this failure carries, for the reader to quote. */
  reference?: string;
}

/** 404, 403, 500 and friends: what happened, its status in words, and where to go; never internals. */
export function ErrorPage({ status, heading, message, actions, reference }: ErrorPageProps) {
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <PageHeader caption={`Error ${status}`} title={heading} headingId="error-heading" />
      <p>{message}</p>
      {reference && (
        <p className="error-reference">
          If you report this, quote the reference <code>{reference}</code>.
        </p>
      )}
      <ul className="error-actions">
        {actions.map((action) => (
          <li key={action.href + action.label}>
            <a href={action.href}>{action.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
