// /forgot-password: asks for a password-reset link, without revealing whether the address has an account.
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { toApiError } from "../api.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, StatusMessage } from "../ui/messages.tsx";
import { useTitle } from "../ui/use-title.ts";
import { requestPasswordReset } from "./auth.api.ts";

export function ForgotPasswordPage() {
  useTitle("Forgot your password");
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card card-roomy">
      <h1>Reset your password</h1>
      {sent ? (
        <>
          <StatusMessage message="If that address has an account, we've sent a link to it. The link works once, for one hour." />
          <p>Nothing arrived after a few minutes? Check your spam folder, or ask your programme admin.</p>
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Enter the email address you use for Alliance and we'll send you a link to choose a new password.
          </p>
          <form onSubmit={onSubmit} className="form">
            <Field label="Email">
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              )}
            </Field>
            <ErrorAlert error={error} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                Send reset link
              </button>
              <Link to="/sign-in">Back to sign in</Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
