// /sign-in: the email and password form.
import { type FormEvent, useState } from "react";
import { Link, Navigate, useLocation, useSearchParams } from "react-router-dom";
import { type ApiError, toApiError } from "../api.ts";
import { type SignedOutReason, useSession } from "../shell/session.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, StatusMessage } from "../ui/messages.tsx";
import { useTitle } from "../ui/use-title.ts";

/** Only same-site paths, so a crafted link cannot send the person elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function reasonMessage(state: unknown): string | null {
  const reason: SignedOutReason | undefined =
    typeof state === "object" && state !== null && "reason" in state
      ? (state.reason as SignedOutReason)
      : undefined;
  if (reason === "signed-out") return "You have signed out.";
  if (reason === "expired") return "Your session has ended. Please sign in again.";
  return null;
}

function signInMessage(error: ApiError): string {
  switch (error.code) {
    case "invalid_credentials":
    case "unauthenticated":
      return "That email and password don't match an account. Check them and try again.";
    case "rate_limited":
      return "Too many sign-in attempts. Please wait a minute, then try again.";
    default:
      return error.message;
  }
}

export function SignInPage() {
  useTitle("Sign in");
  const { state, signIn } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === "signed-in") return <Navigate to={safeNext(params.get("next"))} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // On success the session turns signed-in and this page redirects.
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(signInMessage(toApiError(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card card-roomy">
      <h1>Sign in to Alliance</h1>
      <StatusMessage message={error === null ? reasonMessage(location.state) : null} />
      <form onSubmit={onSubmit} className="form">
        <Field label="Email">
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Sign in
          </button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
    </div>
  );
}
