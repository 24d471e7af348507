// /find-a-coach: a waiting coachee's shortlist per programme — the three best coaches for them, each
// with the reasons in plain words — and their choice, which the programme admin then confirms.
import { useSelection } from "../shell/selection.tsx";
import type { Shortlists } from "../types.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { chooseCoach, fetchShortlists } from "./matching.api.ts";

function ProgrammeShortlist({
  orgId,
  entry,
  onChanged,
}: {
  orgId: string;
  entry: Shortlists["programmes"][number];
  onChanged: () => void;
}) {
  const { busy, error, run } = useAction();
  const chosenName = entry.shortlist.find((s) => s.coach.id === entry.chosen)?.coach.name;
  const choose = (coachId: string | null) =>
    run(async () => {
      await chooseCoach(orgId, entry.programmeId, coachId);
      onChanged();
    });
  return (
    <section className="card section" aria-labelledby={`shortlist-${entry.programmeId}`}>
      <h2 id={`shortlist-${entry.programmeId}`}>{entry.programmeName}</h2>
      <ErrorAlert error={error} />
      <StatusMessage
        message={
          chosenName && `You chose ${chosenName}. Your programme admin will confirm and introduce you.`
        }
      />
      {entry.shortlist.length === 0 ? (
        <p className="empty">
          No coach with room fits your profile yet; your programme admin will be in touch.
        </p>
      ) : (
        <ol className="shortlist">
          {entry.shortlist.map((item) => (
            <li key={item.coach.id} className="shortlist-item">
              <h3>{item.coach.name}</h3>
              <p className="muted">Match score {item.score} of 100</p>
              <ul className="reasons">
                {item.reasons.map((r) => (
                  <li key={r.component}>{r.reason}</li>
                ))}
              </ul>
              {entry.chosen === item.coach.id ? (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => choose(null)}
                >
                  Withdraw my choice of {item.coach.name}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => choose(item.coach.id)}
                >
                  Choose {item.coach.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ShortlistPage() {
  useTitle("Find a coach");
  const { organization } = useSelection();
  const shortlists = useResource(organization.id, () => fetchShortlists(organization.id));
  return (
    <>
      <div className="page-head">
        <h1>Find a coach</h1>
        <p className="lead">
          The coaches who fit you best, and why. A short call with a coach before you choose is welcome; the
          relationship you build matters more than any score.
        </p>
      </div>
      <ErrorAlert error={shortlists.error} />
      {shortlists.data === undefined ? (
        shortlists.loading && <Loading what="your shortlist" />
      ) : shortlists.data.programmes.length === 0 ? (
        <div className="card empty">
          <p>
            You are not waiting for a coach: you have one in each of your programmes, or no matching profile
            yet.
          </p>
        </div>
      ) : (
        shortlists.data.programmes.map((entry) => (
          <ProgrammeShortlist
            key={entry.programmeId}
            orgId={organization.id}
            entry={entry}
            onChanged={shortlists.reload}
          />
        ))
      )}
    </>
  );
}
