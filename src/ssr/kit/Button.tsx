import type { ReactNode } from 'react';

/** `primary` carries the site's one accent colour; `destructive` is for actions that delete or cannot be undone. */
export type ButtonVariant = 'primary' | 'secondary' | 'destructive';

export interface ButtonProps {
  variant?: ButtonVariant;
  type?: 'submit' | 'button';
  children: ReactNode;
  /** Needed when the visible text alone is ambiguous, e.g. one "Delete" per card. */
  'aria-label'?: string;
}

export const buttonClass = (variant: ButtonVariant) => `button button-${variant}`;

export function Button({ variant = 'primary', type = 'submit', children, 'aria-label': ariaLabel }: ButtonProps) {
  return (
    <button type={type} className={buttonClass(variant)} aria-label={ariaLabel}>
      {children}
    </button>
  );
}
