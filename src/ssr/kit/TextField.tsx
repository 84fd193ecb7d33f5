import { FieldProps, FormField } from './FormField';

export interface TextFieldProps extends FieldProps {
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'password' | 'search' | 'tel';
  autoComplete?: string;
}

export function TextField({ defaultValue, required, maxLength, type = 'text', autoComplete, ...field }: TextFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          className="field-control"
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          autoComplete={autoComplete}
        />
      )}
    </FormField>
  );
}
