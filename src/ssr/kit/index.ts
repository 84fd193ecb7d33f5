// The shared UI kit: small pure components styled by kit.css, which the
// layout links on every page. Components import from here
// (`src/ssr/kit`) and need no CSS of their own for forms, cards or buttons.
// docs/guides/ui.md shows each piece.
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { ButtonLink, type ButtonLinkProps } from './ButtonLink';
export { Card, type CardProps } from './Card';
export { ConfirmationPage, type ConfirmationPageProps } from './ConfirmationPage';
export { CsrfField } from './CsrfField';
export { DetailsList, type DetailsListProps } from './DetailsList';
export { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary';
export { FlashMessage, type FlashMessageProps } from './FlashMessage';
export { FormField, type FieldControlProps, type FieldProps, type FormFieldProps } from './FormField';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { SelectField, type SelectFieldProps, type SelectOption } from './SelectField';
export { TextAreaField, type TextAreaFieldProps } from './TextAreaField';
export { TextField, type TextFieldProps } from './TextField';
