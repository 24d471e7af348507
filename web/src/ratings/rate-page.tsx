// /rate/:token: the coachee rates a session from the emailed link or QR code, on a phone, without an account.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import type { ApiError } from "../api.ts";
import { localized } from "../instruments/localized.ts";
import type { RatingForm as RatingFormData } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { RatingForm } from "./rating-form.tsx";
import { fetchRatingForm } from "./ratings.api.ts";

type Outcome = { kind: "sent" } | { kind: "closed"; error: ApiError };

/** A one-message page (thanks, expired, cancelled) whose heading takes the focus when it appears. */
function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  useTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="card card-roomy rating-message">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

function ThankYou() {
  return (
    <MessagePage title="Thank you">
      <p>Your rating has been sent. It helps you and your coach make the next session more useful.</p>
      <p className="muted">You can close this page now.</p>
    </MessagePage>
  );
}

function LinkClosed({ error }: { error: ApiError }) {
  if (error.status === 409) {
    return (
      <MessagePage title="This session was cancelled">
        <p>There is nothing to rate for a cancelled session, and nothing more to do here.</p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title="This link has expired or was already used">
      <p>
        Each rating link works once, for 7 days. If you have already rated this session, thank you — there is
        nothing more to do here.
      </p>
    </MessagePage>
  );
}

function RatingScreen({ token, form }: { token: string; form: RatingFormData }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const title = localized(form.instrument.title);
  useTitle(title);
  if (outcome?.kind === "sent") return <ThankYou />;
  if (outcome?.kind === "closed") return <LinkClosed error={outcome.error} />;
  const description = localized(form.instrument.description);
  return (
    <>
      <div className="page-head rating-head">
        <h1>{title}</h1>
        <p className="lead">
          Your session with {form.session.coachName} on{" "}
          <time dateTime={form.session.startsAt}>{formatDateTime(form.session.startsAt)}</time>
        </p>
        {description !== "" && <p>{description}</p>}
      </div>
      <RatingForm
        token={token}
        instrument={form.instrument}
        onSent={() => setOutcome({ kind: "sent" })}
        onLinkClosed={(error) => setOutcome({ kind: "closed", error })}
      />
    </>
  );
}

function PendingTitle() {
  useTitle("Rate your session");
  return <h1>Rate your session</h1>;
}

export function RatePage() {
  const { token = "" } = useParams();
  const form = useResource(token, () => fetchRatingForm(token));
  if (form.data !== undefined) return <RatingScreen key={token} token={token} form={form.data} />;
  if (form.error !== null && (form.error.status === 410 || form.error.status === 409)) {
    return <LinkClosed error={form.error} />;
  }
  return (
    <>
      <PendingTitle />
      <ErrorAlert error={form.error} />
      {form.error !== null && (
        <button type="button" className="button" onClick={form.reload}>
          Try again
        </button>
      )}
      {form.loading && <Loading what="your rating form" />}
    </>
  );
}
