import type { ReactNode } from 'react';
import { buttonClass, ButtonVariant } from './Button';

export interface ButtonLinkProps {
  href: string;
  variant?: ButtonVariant;
  children: ReactNode;
  'aria-label'?: string;
}

/** A link that looks like a button: for navigation (GET), e.g. to a confirmation page. Actions that change data are forms. */
export function ButtonLink({ href, variant = 'primary', children, 'aria-label': ariaLabel }: ButtonLinkProps) {
  return (
    <a href={href} className={buttonClass(variant)} aria-label={ariaLabel}>
      {children}
    </a>
  );
}
