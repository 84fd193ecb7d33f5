import { FieldProps, FormField } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldProps {
  options: readonly SelectOption[];
  defaultValue?: string;
}

export function SelectField({ options, defaultValue, ...field }: SelectFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <select {...control} className="field-control" defaultValue={defaultValue}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
