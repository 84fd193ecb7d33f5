import { FieldProps, FormField } from './FormField';

export interface TextAreaFieldProps extends FieldProps {
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
}

export function TextAreaField({ defaultValue, required, maxLength, rows = 4, ...field }: TextAreaFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          {...control}
          className="field-control"
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          rows={rows}
        />
      )}
    </FormField>
  );
}
