// /reset-password?token=…: checks the link, then sets a new password.
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { type ApiError, toApiError } from "../api.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { checkPasswordResetLink, resetPassword } from "./auth.api.ts";
import { LinkExpired } from "./link-expired.tsx";
import { NewPasswordField } from "./password-field.tsx";

function ExpiredResetLink() {
  return (
    <LinkExpired>
      <p>
        Password-reset links work once, for one hour. You can ask for a fresh one; it only takes a moment.
      </p>
      <p>
        <Link to="/forgot-password">Request a new link</Link>
      </p>
    </LinkExpired>
  );
}

function ResetForm({ token, email }: { token: string; email: string }) {
  useTitle("Choose a new password");
  const [password, setPassword] = useState("");
  const [state, setState] = useState<"editing" | "busy" | "done" | "expired">("editing");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setState("busy");
    setError(null);
    try {
      await resetPassword(token, password);
      setState("done");
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === "link_invalid") {
        setState("expired");
        return;
      }
      setError(apiError.message);
      setState("editing");
    }
  }

  if (state === "expired") return <ExpiredResetLink />;
  return (
    <div className="card card-roomy">
      <h1>Choose a new password</h1>
      {state === "done" ? (
        <>
          <StatusMessage message="Your password has been changed. For your safety, every device signed in to this account has been signed out." />
          <p>
            <Link to="/sign-in">Sign in with your new password</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            For the account <strong>{email}</strong>.
          </p>
          <form onSubmit={onSubmit} className="form">
            <NewPasswordField label="New password" value={password} onChange={setPassword} />
            <ErrorAlert error={error} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={state === "busy"}>
                Save new password
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

function CheckingLink({ error }: { error: ApiError | null }) {
  useTitle("Reset your password");
  return (
    <div className="card card-roomy">
      <h1>Reset your password</h1>
      {error === null ? <Loading what="your link" /> : <ErrorAlert error={error} />}
    </div>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const link = useResource(token === "" ? null : token, () => checkPasswordResetLink(token));

  if (token === "" || link.error?.code === "link_invalid") return <ExpiredResetLink />;
  if (link.data !== undefined) return <ResetForm token={token} email={link.data.email} />;
  return <CheckingLink error={link.error} />;
}
