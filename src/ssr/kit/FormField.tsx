import type { ReactNode } from 'react';

/** What a field's control needs so its label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  /** The submitted name, and the control's id (so `ErrorSummary` can link to `#<name>`). */
  name: string;
  label: string;
  /** Shown under the label, e.g. limits or format. */
  hint?: string;
  /** Shown under the control when the last submit was rejected. */
  error?: string;
}

export interface FormFieldProps extends FieldProps {
  children: (control: FieldControlProps) => ReactNode;
}

export const hintId = (name: string) => `${name}-hint`;
export const errorId = (name: string) => `${name}-error`;

/**
 * A label, an optional hint, the control and its error, tied together with
 * `for`/`id` and `aria-describedby` so a screen reader announces all of them.
 * For a control of your own; TextField, TextAreaField and SelectField cover
 * the usual ones.
 */
export function FormField({ name, label, hint, error, children }: FormFieldProps) {
  const describedBy = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(' ');
  const control: FieldControlProps = {
    id: name,
    name,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <p id={hintId(name)} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children(control)}
      {error ? (
        <p id={errorId(name)} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
