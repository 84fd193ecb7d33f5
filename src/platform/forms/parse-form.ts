import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** One message per field that failed: the one the form shows beside it. */
export type FormErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * A form read: either the valid value (an instance of the form class, its
 * transforms applied) or, for showing the form again, what the user typed in
 * the fields named in `showAgain` and a message per field that failed.
 */
export type ParsedForm<Form extends object, Shown extends string> =
  { ok: true; value: Form } | { ok: false; values: Record<Shown, string>; errors: FormErrors<keyof Form & string> };

export interface ParseFormOptions<Shown extends string> {
  /** Fields typed back into the form when it is shown again (text as submitted); never a password. */
  showAgain: readonly Shown[];
}

/**
 * Reads a submitted form (`@Body()`, form-encoded or JSON) with a
 * class-validator class: its decorators are the rules, its `@Transform`s the
 * clean-up (trimming), its initialisers the defaults. Only the class's
 * decorated properties are kept; anything else in the body is dropped.
 *
 * The message rule: a field that fails several rules shows ONE message, the
 * one of the topmost failing decorator. Write the rules from the most basic
 * (`@IsString`: "Enter a title.") down to the most specific (`@IsPlainText`):
 * a missing title then says "Enter a title.", not "remove the control
 * characters". (class-validator lists a property's failed constraints in
 * reverse decorator order, bottom decorator first; parse-form.spec.ts pins it.)
 */
export function parseForm<Form extends object, Shown extends keyof Form & string = never>(
  formClass: new () => Form,
  body: unknown,
  { showAgain }: ParseFormOptions<Shown> = { showAgain: [] },
): ParsedForm<Form, Shown> {
  const submitted: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...body } : {};
  const form = plainToInstance(formClass, submitted);
  const problems = validateSync(form, { forbidUnknownValues: true, whitelist: true });
  if (problems.length === 0) return { ok: true, value: form };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const values = Object.fromEntries(showAgain.map((field) => [field, text(submitted[field])])) as Record<Shown, string>;
  const errors: FormErrors<keyof Form & string> = {};
  for (const problem of problems) errors[problem.property as keyof Form & string] = mostBasicMessage(problem);
  return { ok: false, values, errors };
}

/** The message of the topmost failing decorator: the last constraint class-validator lists. */
function mostBasicMessage(problem: ValidationError): string | undefined {
  return Object.values(problem.constraints ?? {}).at(-1);
}
