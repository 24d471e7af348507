// /invite?token=…: shows an invitation and accepts it (creating the account when the address is new).
import { type FormEvent, useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router-dom";
import { toApiError } from "../api.ts";
import { LinkExpired } from "../auth/link-expired.tsx";
import { NewPasswordField } from "../auth/password-field.tsx";
import { useSession } from "../shell/session.tsx";
import type { InvitationPreview } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { withArticle } from "../ui/labels.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { type Resource, useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { acceptInvitation, fetchInvitation } from "./invitations.api.ts";

function ExpiredInvitation() {
  return (
    <LinkExpired>
      <p>
        Invitations work once, for seven days. Ask the person who invited you to send a new one. If you
        already accepted it, you can simply sign in.
      </p>
      <p>
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </LinkExpired>
  );
}

function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  return (
    <>
      <p className="lead">
        <strong>{invitation.organizationName}</strong> invites you to join{" "}
        <strong>{invitation.programmeName}</strong> as {withArticle(invitation.role)}.
      </p>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>Programme</dt>
          <dd>{invitation.programmeName}</dd>
        </div>
      </dl>
    </>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { state, adopt } = useSession();
  const [displayName, setDisplayName] = useState(invitation.displayName);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<"editing" | "busy" | "accepted" | "expired">("editing");

  const signedInAs = state.status === "signed-in" ? state.me.account.email : null;
  const needsSignIn =
    invitation.accountExists && signedInAs?.toLowerCase() !== invitation.email.toLowerCase();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProgress("busy");
    setError(null);
    try {
      const body = invitation.accountExists ? {} : { displayName: displayName.trim(), password };
      await adopt(await acceptInvitation(token, body));
      setProgress("accepted");
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === "link_invalid") {
        setProgress("expired");
        return;
      }
      setError(
        apiError.status === 401
          ? `Sign in as ${invitation.email} first, then open this link again.`
          : apiError.message,
      );
      setProgress("editing");
    }
  }

  if (progress === "accepted") return <Navigate to="/" replace state={{ welcome: true }} />;
  if (progress === "expired") return <ExpiredInvitation />;
  if (needsSignIn) {
    const next = `/invite?token=${encodeURIComponent(token)}`;
    return (
      <p>
        You already have an Alliance account with {invitation.email}.{" "}
        <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in as {invitation.email}</Link> to accept
        the invitation.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="form">
      {!invitation.accountExists && (
        <>
          <Field label="Display name" hint="How coaches, coachees and admins will see your name.">
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="name"
                required
                maxLength={120}
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
              />
            )}
          </Field>
          <NewPasswordField label="Password" value={password} onChange={setPassword} />
        </>
      )}
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={progress === "busy"}>
          Accept invitation
        </button>
      </div>
    </form>
  );
}

function InvitationCard({ token, invitation }: { token: string; invitation: Resource<InvitationPreview> }) {
  useTitle("Your invitation");
  return (
    <div className="card card-roomy">
      <h1>You're invited to Alliance</h1>
      {invitation.data === undefined ? (
        invitation.error === null ? (
          <Loading what="your invitation" />
        ) : (
          <ErrorAlert error={invitation.error} />
        )
      ) : (
        <>
          <InvitationSummary invitation={invitation.data} />
          <AcceptForm token={token} invitation={invitation.data} />
        </>
      )}
    </div>
  );
}

export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const invitation = useResource(token === "" ? null : token, () => fetchInvitation(token));

  if (token === "" || invitation.error?.code === "link_invalid") return <ExpiredInvitation />;
  return <InvitationCard token={token} invitation={invitation} />;
}
