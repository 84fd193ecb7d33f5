import { Button, Card, CsrfField, ErrorSummary, PageHeader, TextField } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import { ACCOUNT_LIMITS, FormErrors, SignInField, SignInValues } from '../forms/account-forms';
import { PASSWORD_RESET_PATHS } from '../password-reset/password-reset-paths';

export interface SignInPageProps {
  values: SignInValues;
  errors: FormErrors<SignInField>;
  /** A safe path to go to afterwards, carried through the form. */
  returnTo?: string;
}

/** Sign in with email and password. The password is never filled in again. */
export function SignInPage({ values, errors, returnTo }: SignInPageProps) {
  const signUp = returnTo ? `${ACCOUNT_PATHS.signUp}?returnTo=${encodeURIComponent(returnTo)}` : ACCOUNT_PATHS.signUp;
  return (
    <>
      <PageHeader title="Sign in" />
      <Card id="sign-in" title="Your email and password" as="section">
        <form method="post" action={ACCOUNT_PATHS.signIn}>
          <ErrorSummary errors={errors} />
          <CsrfField />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            required
            maxLength={ACCOUNT_LIMITS.email}
            defaultValue={values.email}
            error={errors.email}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={ACCOUNT_LIMITS.password.max}
            error={errors.password}
          />
          <Button>Sign in</Button>
        </form>
        <p>
          <a href={PASSWORD_RESET_PATHS.request}>Forgot your password?</a>
        </p>
      </Card>
      <p>
        No account yet? <a href={signUp}>Create one</a>.
      </p>
    </>
  );
}
