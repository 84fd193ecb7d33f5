export interface ErrorPageProps {
  status: number;
  heading: string;
  message: string;
}

/** 404, 403, 500 and friends: what happened and where to go, never internals. */
export function ErrorPage({ status, heading, message }: ErrorPageProps) {
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{heading}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
      <p className="error-status">Error {status}</p>
    </section>
  );
}
