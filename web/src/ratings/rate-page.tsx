// /rate/:token: the coachee rates a session from the emailed link or QR code, on a phone, without an account.
// The Alliance Check comes first; on some sessions a few optional check-ins follow, one per step, and
// everything answered is sent together at the end. A positive wellbeing screen ends on a calm referral page.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import { type ApiError, toApiError } from "../api.ts";
import { InstrumentForm } from "../instruments/instrument-form.tsx";
import { localized } from "../instruments/localized.ts";
import type { AnswerValue, RatingForm as RatingFormData, Referral } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { fetchRatingForm, submitRating } from "./ratings.api.ts";

type Answers = Record<string, AnswerValue>;
type Outcome = { kind: "sent"; referral: Referral | null } | { kind: "closed"; error: ApiError };

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

/** After a positive wellbeing screen: calm, plain, and about support — not a diagnosis, not an alarm. */
function ReferralPage({ referral }: { referral: Referral }) {
  return (
    <MessagePage title="Thank you — and some support, if you want it">
      <p>
        Your answers have been sent. Some of them suggest that the last two weeks may have been hard. That is
        common, and a short check-in like this is not a diagnosis — but talking to someone can help.
      </p>
      <ul className="resource-list">
        {referral.resources.map((resource, index) => (
          // Names need not be unique; the list is shown once and never reordered.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={index}>
            <h2>{resource.name}</h2>
            {resource.contact !== "" && <p>{resource.contact}</p>}
            {resource.note !== "" && <p className="muted">{resource.note}</p>}
          </li>
        ))}
      </ul>
      <p>
        As you agreed when you turned this check-in on, your coach is told that your answers suggest support
        could help, with the two scores, so that you can talk about it if you wish. Nobody else is told, and
        your answers to each question stay with you.
      </p>
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

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

function RatingScreen({ token, form }: { token: string; form: RatingFormData }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Step 0 is the Alliance Check; steps 1… the further check-ins, each optional.
  const [step, setStep] = useState(0);
  const [main, setMain] = useState<Answers>({});
  const [more, setMore] = useState<Record<string, Answers>>({});
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const steps = [form.instrument, ...form.more];
  const instrument = steps[step] ?? form.instrument;
  const last = step === steps.length - 1;
  const title = localized(instrument.title);
  useTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step > 0) heading.current?.focus();
  }, [step]);
  if (outcome?.kind === "sent") {
    return outcome.referral ? <ReferralPage referral={outcome.referral} /> : <ThankYou />;
  }
  if (outcome?.kind === "closed") return <LinkClosed error={outcome.error} />;

  async function send(mainAnswers: Answers, moreAnswers: Record<string, Answers>): Promise<void> {
    const sent = await submitRating(token, mainAnswers, moreAnswers);
    setOutcome({ kind: "sent", referral: sent.referral });
  }

  /** Sends what has been answered so far, from a step's secondary button; once at a time. */
  async function sendNow(moreAnswers: Record<string, Answers>): Promise<void> {
    if (sending) return;
    setSending(true);
    setSendError(null);
    try {
      await send(main, moreAnswers);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.status === 410 || error.status === 409) setOutcome({ kind: "closed", error });
      else setSendError(error.message);
    } finally {
      setSending(false);
    }
  }

  /** Back to the step before, keeping what was answered (e.g. to correct an answer the server refused). */
  function back(): void {
    setSendError(null);
    setStep(step - 1);
  }

  const description = localized(instrument.description);
  const extra = form.more.length;
  return (
    <>
      <div className="page-head rating-head">
        {steps.length > 1 && (
          <p className="rating-step">
            Step {step + 1} of {steps.length}
            {step > 0 && " · optional"}
          </p>
        )}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {step === 0 && (
          <p className="lead">
            Your session with {form.session.coachName} on{" "}
            <time dateTime={form.session.startsAt}>{formatDateTime(form.session.startsAt)}</time>
          </p>
        )}
        {step === 0 && extra > 0 && (
          <p>
            This was your {ordinal(form.session.sessionNumber)} session, so after this there{" "}
            {extra === 1 ? "is one more short check-in" : `are ${extra} more short check-ins`} — each
            optional.
          </p>
        )}
        {description !== "" && <p>{description}</p>}
      </div>
      <InstrumentForm
        key={instrument.id}
        instrument={instrument}
        initialAnswers={step === 0 ? main : more[instrument.id]}
        submitLabel={last ? "Send rating" : "Continue"}
        largeButton
        submit={async (answers) => {
          if (step === 0) setMain(answers);
          const nextMore = step === 0 ? more : { ...more, [instrument.id]: answers };
          if (!last) {
            setMore(nextMore);
            setStep(step + 1);
            return;
          }
          await send(step === 0 ? answers : main, nextMore);
        }}
        secondary={
          step > 0
            ? {
                label: last ? "Skip this and send" : "Skip this one",
                onClick: () => {
                  // A skipped step sends nothing, even if it was answered before going back.
                  const { [instrument.id]: _skipped, ...rest } = more;
                  setMore(rest);
                  if (last) void sendNow(rest);
                  else setStep(step + 1);
                },
              }
            : undefined
        }
        onFailure={(error) => {
          if (error.status !== 410 && error.status !== 409) return false;
          setOutcome({ kind: "closed", error });
          return true;
        }}
      />
      <ErrorAlert error={sendError} />
      {step > 0 && (
        <button type="button" className="button button-quiet" disabled={sending} onClick={back}>
          Back to the previous step
        </button>
      )}
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
