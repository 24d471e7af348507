// On an engagement page, in the first three sessions: the coachee may ask for a different coach, and the
// coach may end the engagement for a re-match after talking it through. Two steps, so it is never a slip.
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Engagement } from "../types.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { rematch } from "./matching.api.ts";

export function RematchCard({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const isCoachee = engagement.viewerRelation === "coachee";
  const other = isCoachee ? engagement.coach.displayName : engagement.coachee.displayName;

  const end = () =>
    run(async () => {
      await rematch(orgId, engagement.id);
      navigate(isCoachee ? "/find-a-coach" : "/");
    });

  return (
    <section className="card section" aria-labelledby="rematch-heading">
      <h2 id="rematch-heading">{isCoachee ? "Not the right fit?" : "A better-matched coach?"}</h2>
      <p>
        {isCoachee
          ? `In the first three sessions you can ask for a different coach. This engagement with ${other} ends, its scheduled sessions are cancelled, and you choose again from a new shortlist — ${other} will not be on it.`
          : `When the alliance is weak from the start, a better-matched coach can help more than repairs. After talking it through with ${other}, you can end this engagement; ${other} is matched again, never with you.`}
      </p>
      <ErrorAlert error={error} />
      {confirming ? (
        <div className="form-actions">
          <button type="button" className="button button-danger" disabled={busy} onClick={end}>
            Yes, end this engagement
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {isCoachee ? "Ask for a different coach" : "End for a re-match"}
        </button>
      )}
    </section>
  );
}
