// /matching: a programme admin's cohort page — the proposed coach for each waiting coachee with the
// reasons (their own choice, or the best assignment for the whole cohort), an override per coachee,
// confirmation; profile import; and whether the match score predicts the early alliance.
import { type FormEvent, useState } from "react";
import { useSelection } from "../shell/selection.tsx";
import type { CohortProposal, CohortView } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { componentLabel } from "./component-labels.ts";
import { MatchSettingsCard } from "./match-settings-card.tsx";
import { confirmCohort, fetchCohort, fetchEvidence, importProfiles } from "./matching.api.ts";

const NO_COACH = "";

function Reasons({ proposal }: { proposal: CohortProposal }) {
  if (proposal.coach === null) return <p className="muted">{proposal.unassignedReason}</p>;
  return (
    <details>
      <summary>
        {proposal.source === "choice" ? "Chosen by the coachee" : "Best for the whole cohort"} · score{" "}
        {proposal.score}
      </summary>
      <ul className="reasons">
        {proposal.reasons.map((r) => (
          <li key={r.component}>
            <strong>{componentLabel(r.component)}:</strong> {r.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function CohortForm({
  orgId,
  programmeId,
  view,
  onConfirmed,
}: {
  orgId: string;
  programmeId: string;
  view: CohortView;
  onConfirmed: (started: number) => void;
}) {
  const [picks, setPicks] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.proposals.map((p) => [p.coachee.id, p.coach?.id ?? NO_COACH])),
  );
  const { busy, error, run } = useAction();
  const pairs = view.proposals
    .map((p) => ({ coacheeId: p.coachee.id, coachId: picks[p.coachee.id] ?? NO_COACH }))
    .filter((pair) => pair.coachId !== NO_COACH);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await run(async () => {
      const { started } = await confirmCohort(orgId, programmeId, pairs);
      onConfirmed(started);
    });
  }

  if (view.proposals.length === 0) {
    return <p className="empty">Nobody is waiting for a coach in this programme.</p>;
  }
  return (
    <form onSubmit={onSubmit} aria-labelledby="cohort-heading">
      <ErrorAlert error={error} />
      <table className="table cohort-table">
        <caption className="visually-hidden">Proposed coach for each waiting coachee</caption>
        <thead>
          <tr>
            <th scope="col">Coachee</th>
            <th scope="col">Coach</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {view.proposals.map((proposal) => {
            const picked = picks[proposal.coachee.id] ?? NO_COACH;
            const overridden = picked !== (proposal.coach?.id ?? NO_COACH);
            return (
              <tr key={proposal.coachee.id}>
                <th scope="row">{proposal.coachee.name}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`coach-${proposal.coachee.id}`}>
                    Coach for {proposal.coachee.name}
                  </label>
                  <select
                    id={`coach-${proposal.coachee.id}`}
                    value={picked}
                    onChange={(e) => setPicks((prev) => ({ ...prev, [proposal.coachee.id]: e.target.value }))}
                  >
                    <option value={NO_COACH}>No coach yet</option>
                    {proposal.options.map((option) => (
                      <option key={option.coach.id} value={option.coach.id}>
                        {option.coach.name} (score {option.score})
                      </option>
                    ))}
                  </select>
                  {overridden && <p className="hint">Changed from the proposal.</p>}
                </td>
                <td>
                  <Reasons proposal={proposal} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="submit" className="button" disabled={busy || pairs.length === 0}>
        {pairs.length === 1 ? "Confirm 1 pair" : `Confirm ${pairs.length} pairs`}
      </button>
    </form>
  );
}

function CohortSection({
  orgId,
  programmeId,
  version,
  setVersion,
}: {
  orgId: string;
  programmeId: string;
  version: number;
  setVersion: (update: (v: number) => number) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const cohort = useResource(`${orgId}/${programmeId}/${version}`, () => fetchCohort(orgId, programmeId));
  const view = cohort.data;
  return (
    <section className="card section" aria-labelledby="cohort-heading">
      <h2 id="cohort-heading">Waiting coachees</h2>
      <p className="hint">
        Each coachee's own choice from their shortlist comes first; everyone else gets the assignment that
        places the most coachees and then gives the highest total score, within each coach's room. Age is
        never used.
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={cohort.error} />
      {view === undefined ? (
        cohort.loading && <Loading what="the proposed matches" />
      ) : (
        <>
          <CohortForm
            key={version}
            orgId={orgId}
            programmeId={programmeId}
            view={view}
            onConfirmed={(started) => {
              setMessage(started === 1 ? "Started 1 engagement." : `Started ${started} engagements.`);
              setVersion((v) => v + 1);
            }}
          />
          {view.withoutProfile.length > 0 && (
            <p className="hint">
              Waiting without a matching profile (import one below):{" "}
              {view.withoutProfile.map((p) => p.name).join(", ")}.
            </p>
          )}
          <h3 className="cohort-coaches">Coaches</h3>
          <ul className="plain-list">
            {view.coaches.map((c) => (
              <li key={c.coach.id}>
                {c.coach.name}: {c.load} of {c.capacity} places taken
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ImportCard({
  orgId,
  programmeId,
  onImported,
}: {
  orgId: string;
  programmeId: string;
  onImported: () => void;
}) {
  const [role, setRole] = useState<"coach" | "coachee">("coachee");
  const [csv, setCsv] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setMessage(null);
    if (csv.trim() === "") {
      setError("Choose a CSV file or paste its text first.");
      return;
    }
    await run(async () => {
      const { imported } = await importProfiles(orgId, programmeId, role, csv);
      setMessage(`Imported ${imported} ${role} profile${imported === 1 ? "" : "s"}.`);
      onImported();
    });
  }

  return (
    <section className="card section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import matching profiles</h2>
      <form onSubmit={onSubmit} className="form" noValidate>
        <ErrorAlert error={error} />
        <StatusMessage message={message} />
        <Field label="Profiles of">
          {(control) => (
            <select
              {...control}
              value={role}
              onChange={(e) => setRole(e.target.value as "coach" | "coachee")}
            >
              <option value="coachee">Coachees</option>
              <option value="coach">Coaches</option>
            </select>
          )}
        </Field>
        <Field
          label="CSV file"
          hint="The id column is each person's email; columns as in docs/matching.md. Age columns are ignored."
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
            />
          )}
        </Field>
        <Field label="…or paste the CSV text">
          {(control) => (
            <textarea {...control} rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          Import
        </button>
      </form>
    </section>
  );
}

function EvidenceCard({ orgId, programmeId }: { orgId: string; programmeId: string }) {
  const evidence = useResource(`${orgId}/${programmeId}`, () => fetchEvidence(orgId, programmeId));
  const data = evidence.data;
  return (
    <section className="card section" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Does the match score predict the early alliance?</h2>
      <p className="hint">
        For each part of the score: its correlation with the coachee's mean Alliance Check over sessions 1–3,
        with a 95 % interval, over the pairs matched here. Shown from {data?.minimumPairs ?? 20} pairs on.
      </p>
      <ErrorAlert error={evidence.error} />
      {data === undefined ? (
        evidence.loading && <Loading what="the evidence" />
      ) : data.components.length === 0 ? (
        <p className="empty">
          Not enough data yet: {data.pairs} matched pair{data.pairs === 1 ? "" : "s"} with early ratings.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Part of the score</th>
              <th scope="col">Pairs</th>
              <th scope="col">Correlation (95 % interval)</th>
            </tr>
          </thead>
          <tbody>
            {data.components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{componentLabel(c.component)}</th>
                <td>{c.n}</td>
                <td>
                  {c.status === "estimated" && c.r !== null && c.low !== null && c.high !== null
                    ? `r = ${c.r.toFixed(2)} (${c.low.toFixed(2)} to ${c.high.toFixed(2)})`
                    : c.status === "no_variation"
                      ? "No variation yet"
                      : "Not enough data yet"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CohortPage() {
  useTitle("Matching");
  const { organization, programme } = useSelection();
  const [version, setVersion] = useState(0);
  const runs =
    programme !== null && (organization.roles.includes("admin") || programme.roles.includes("admin"));
  return (
    <>
      <div className="page-head">
        <h1>Matching</h1>
        <p className="lead">{programme?.name ?? organization.name}</p>
      </div>
      {programme === null || !runs ? (
        <div className="card empty">
          <p>Choose a programme you run in the Programme menu above to match its coachees with coaches.</p>
        </div>
      ) : (
        <>
          <CohortSection
            orgId={organization.id}
            programmeId={programme.id}
            version={version}
            setVersion={setVersion}
          />
          <MatchSettingsCard
            orgId={organization.id}
            programmeId={programme.id}
            onSaved={() => setVersion((v) => v + 1)}
          />
          <ImportCard
            orgId={organization.id}
            programmeId={programme.id}
            onImported={() => setVersion((v) => v + 1)}
          />
          <EvidenceCard orgId={organization.id} programmeId={programme.id} />
        </>
      )}
    </>
  );
}
