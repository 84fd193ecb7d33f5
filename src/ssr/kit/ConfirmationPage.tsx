import type { ReactNode } from 'react';
import { Button } from './Button';
import { CsrfField } from './CsrfField';
import { PageHeader } from './PageHeader';

export interface ConfirmationPageProps {
  /** A question naming the thing, e.g. `Delete “First steps”?` */
  title: string;
  /** What will happen, and whether it can be undone. */
  message: ReactNode;
  /** Where the confirming form posts. */
  action: string;
  /** The button's words, e.g. "Delete post". */
  confirmLabel: string;
  /** Back to where the user came from, changing nothing. */
  cancelHref: string;
}

/**
 * The second step of a destructive action, as a page of its own: the list
 * links here (GET, changes nothing), and only this page's form posts. Works
 * without JavaScript, unlike a `confirm()` dialog.
 */
export function ConfirmationPage({ title, message, action, confirmLabel, cancelHref }: ConfirmationPageProps) {
  return (
    <div className="confirmation">
      <PageHeader title={title} />
      <div className="confirmation-message">{message}</div>
      <form method="post" action={action} className="button-row">
        <CsrfField />
        <Button variant="destructive">{confirmLabel}</Button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
      </form>
    </div>
  );
}
