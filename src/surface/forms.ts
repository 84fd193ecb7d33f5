// Forms: one parser, one message rule (src/platform/forms/parse-form.ts).
export { type FormErrors, type ParsedForm, parseForm } from '../platform/forms/parse-form';
export { IsPlainText } from '../platform/forms/is-plain-text.decorator';
