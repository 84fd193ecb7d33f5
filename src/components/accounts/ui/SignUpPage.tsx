import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import { ACCOUNT_LIMITS, FormErrors, SignUpField, SignUpValues } from '../forms/account-forms';

export interface SignUpPageProps {
  values: SignUpValues;
  errors: FormErrors<SignUpField>;
  /** A safe path to go to afterwards, carried through the form. */
  returnTo?: string;
}

/** Create an account: email, the name shown on posts, a password. The password is never filled in again. */
export function SignUpPage({ values, errors, returnTo }: SignUpPageProps) {
  return (
    <>
      <PageHeader title="Create an account" lead="An account lets you add posts and delete your own." />
      <Card id="sign-up" title="Your details" as="section">
        <form method="post" action={ACCOUNT_PATHS.signUp}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            required
            maxLength={ACCOUNT_LIMITS.email}
            defaultValue={values.email}
            error={errors.email}
          />
          <TextField
            name="displayName"
            label="Name to show on your posts"
            autoComplete="name"
            required
            maxLength={ACCOUNT_LIMITS.displayName}
            defaultValue={values.displayName}
            error={errors.displayName}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`${ACCOUNT_LIMITS.password.min} to ${ACCOUNT_LIMITS.password.max} characters.`}
            required
            maxLength={ACCOUNT_LIMITS.password.max}
            error={errors.password}
          />
          <Button>Create account</Button>
        </form>
      </Card>
      <p>
        Already have an account? <a href={ACCOUNT_PATHS.signIn}>Sign in</a>.
      </p>
    </>
  );
}
