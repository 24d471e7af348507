// The engagement's "Session transcripts" card: whether the coachee consents; the coachee grants or
// withdraws it (withdrawing deletes the stored transcripts), the coach sees it.
import { useState } from "react";
import type { Engagement } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { fetchConsent, saveConsent } from "./transcripts.api.ts";

export function TranscriptConsentSection({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const consent = useResource(`${orgId}/${engagement.id}/consent`, () => fetchConsent(orgId, engagement.id));
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  // Withdrawing deletes every stored transcript: it takes a second, explicit click.
  const [confirming, setConfirming] = useState(false);
  const isCoachee = engagement.viewerRelation === "coachee";
  const granted = consent.data?.status === "granted";

  async function change(grant: boolean): Promise<void> {
    setConfirming(false);
    await run(async () => {
      const saved = await saveConsent(orgId, engagement.id, grant);
      setMessage(
        grant
          ? "Consent given: your coach can now add transcripts of your sessions."
          : `Consent withdrawn. ${saved.deletedTranscripts} stored ${saved.deletedTranscripts === 1 ? "transcript was" : "transcripts were"} deleted.`,
      );
      consent.reload();
    });
  }

  return (
    <section className="card section" aria-labelledby="transcripts-heading">
      <h2 id="transcripts-heading">Session transcripts</h2>
      <p className="muted">
        With {isCoachee ? "your" : `${engagement.coachee.displayName}'s`} consent, the coach can add a
        session's transcript and both of you see what it shows: talk balance, questions and reflections, and
        moments worth a second look. Only the two of you see it; withdrawing consent deletes every stored
        transcript.
      </p>
      <ErrorAlert error={consent.error} />
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      {consent.data === undefined ? (
        consent.loading && <Loading what="the consent" />
      ) : (
        <p>
          <strong>
            {granted
              ? "Consent given"
              : consent.data.status === "withdrawn"
                ? "Consent withdrawn"
                : "No consent given"}
          </strong>
          {consent.data.changedAt !== null && (
            <>
              {" "}
              on <time dateTime={consent.data.changedAt}>{formatDateTime(consent.data.changedAt)}</time>
            </>
          )}
          .
        </p>
      )}
      {isCoachee && consent.data !== undefined && !granted && (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void change(true)}
        >
          Give consent to transcripts
        </button>
      )}
      {isCoachee && granted && !confirming && (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Withdraw consent…
        </button>
      )}
      {isCoachee && granted && confirming && (
        <div className="withdraw-confirm">
          <p>Withdrawing consent deletes every stored transcript of your sessions. This cannot be undone.</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void change(false)}
            >
              Withdraw consent and delete transcripts
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Keep my consent
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
