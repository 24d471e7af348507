// The engagement's "Check-ins" card: the periodic check-ins per session (coach attributes, five pillars,
// side effects; the wellbeing check-in to the coachee only), the coachee's wellbeing switch and the
// coach's planned number of sessions.
import { type FormEvent, useState } from "react";
import { formatScore } from "../alliance/format.ts";
import type { CheckInSession, Engagement, ItemScores } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { fetchCheckIns, setPlannedSessions, setWellbeingScreen } from "./check-ins.api.ts";
import { ATTRIBUTE_LABELS, PILLAR_LABELS } from "./labels.ts";

function Scores({ scores, labels }: { scores: ItemScores | null; labels: Readonly<Record<string, string>> }) {
  if (scores === null) return <span className="muted">—</span>;
  const items = Object.entries(scores.items).filter(([id]) => labels[id] !== undefined);
  return (
    <>
      <strong>{scores.total === null ? "—" : `${formatScore(scores.total)} of 10`}</strong>
      <span className="check-in-items">
        {items.map(([id, score]) => `${labels[id]} ${score === null ? "—" : formatScore(score)}`).join(" · ")}
      </span>
    </>
  );
}

function SideEffects({ value }: { value: CheckInSession["sideEffects"] }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <>
      {value.reported.length === 0 ? "None reported" : value.reported.map((r) => r.label).join("; ")}
      {value.comment !== null && <span className="check-in-items">“{value.comment}”</span>}
    </>
  );
}

function Wellbeing({ value }: { value: CheckInSession["wellbeing"] }) {
  if (value === null) return <span className="muted">—</span>;
  const part = (label: string, score: number | null) => `${label} ${score === null ? "—" : score} of 6`;
  return (
    <>
      {value.positive ? "Support could help" : "No concerns"}
      <span className="check-in-items">
        {part("Mood", value.phq2)} · {part("Worry", value.gad2)}
      </span>
    </>
  );
}

function CheckInTable({ sessions, viewer }: { sessions: CheckInSession[]; viewer: "coach" | "coachee" }) {
  return (
    <div className="table-wrap">
      <table className="table stack-table check-in-table">
        <caption className="visually-hidden">Check-ins by session</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Coach attributes</th>
            <th scope="col">Five pillars ({viewer === "coach" ? "coachee's view" : "your view"})</th>
            {viewer === "coach" && <th scope="col">Five pillars (your self-view)</th>}
            <th scope="col">Side effects</th>
            {viewer === "coachee" && <th scope="col">Wellbeing (only you see this)</th>}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId}>
              <th scope="row" data-label="Session">
                Session {s.sessionNumber}
              </th>
              <td data-label="Coach attributes">
                <Scores scores={s.coachAttributes} labels={ATTRIBUTE_LABELS} />
              </td>
              <td data-label="Five pillars">
                <Scores scores={s.fivePillars.coachee} labels={PILLAR_LABELS} />
              </td>
              {viewer === "coach" && (
                <td data-label="Your self-view">
                  <Scores scores={s.fivePillars.coach} labels={PILLAR_LABELS} />
                </td>
              )}
              <td data-label="Side effects">
                <SideEffects value={s.sideEffects} />
              </td>
              {viewer === "coachee" && (
                <td data-label="Wellbeing">
                  <Wellbeing value={s.wellbeing} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SettingProps {
  orgId: string;
  engagement: Engagement;
  onChanged: (message: string) => void;
}

function WellbeingSwitch({ orgId, engagement, onChanged }: SettingProps) {
  const { busy, error, run } = useAction();
  const on = engagement.wellbeingScreen === true;

  const toggle = () =>
    run(async () => {
      const now = await setWellbeingScreen(orgId, engagement.id, !on);
      onChanged(now ? "Wellbeing check-in turned on." : "Wellbeing check-in turned off.");
    });

  return (
    <div className="check-in-setting">
      <h3>Wellbeing check-in: {on ? "on" : "off"}</h3>
      <p>
        Four short questions about the last two weeks (the PHQ-2 and GAD-2), after each session. If your
        answers suggest that support beyond coaching could help, you see where to find it, and{" "}
        {engagement.coach.displayName} is told so, with the two scores — so you can talk about it if you wish.
        Nobody else sees your answers.
      </p>
      <ErrorAlert error={error} />
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void toggle()}>
        {on ? "Turn the wellbeing check-in off" : "Turn the wellbeing check-in on"}
      </button>
    </div>
  );
}

function PlannedSessionsForm({ orgId, engagement, onChanged }: SettingProps) {
  const [draft, setDraft] = useState(
    engagement.plannedSessions === null ? "" : String(engagement.plannedSessions),
  );
  const { busy, error, setError, run } = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const text = draft.trim();
    const value = text === "" ? null : Number(text);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 100)) {
      setError("Enter a whole number from 1 to 100, or leave it empty.");
      return;
    }
    await run(async () => {
      const saved = await setPlannedSessions(orgId, engagement.id, value);
      onChanged(saved === null ? "Planned sessions cleared." : `${saved} sessions planned.`);
    });
  }

  return (
    <form className="check-in-setting form" onSubmit={onSubmit} noValidate>
      <Field
        label="Sessions planned"
        hint="The last one also asks the five pillars and the side-effects check. Leave empty if not yet known."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        Save plan
      </button>
    </form>
  );
}

interface CheckInsSectionProps {
  orgId: string;
  engagement: Engagement;
  /** Counts changes made on the page, so the check-ins load again after one. */
  version: number;
  onChanged: (message: string) => void;
}

export function CheckInsSection({ orgId, engagement, version, onChanged }: CheckInsSectionProps) {
  const viewer = engagement.viewerRelation === "coach" ? "coach" : "coachee";
  const checkIns = useResource(`${orgId}/${engagement.id}/${version}`, () =>
    fetchCheckIns(orgId, engagement.id),
  );
  return (
    <section className="card section" aria-labelledby="check-ins-heading">
      <h2 id="check-ins-heading">Check-ins</h2>
      <p className="muted">
        Every few sessions the rating also asks about the coach's attributes and any unwanted effects of the
        coaching; at sessions 3, 6 and the last, the five pillars — from{" "}
        {viewer === "coach" ? "both of you" : "you and your coach"}.
      </p>
      <ErrorAlert error={checkIns.error} />
      {checkIns.data === undefined ? (
        checkIns.loading && <Loading what="the check-ins" />
      ) : checkIns.data.length === 0 ? (
        <p>No check-ins answered yet.</p>
      ) : (
        <CheckInTable sessions={checkIns.data} viewer={viewer} />
      )}
      {viewer === "coachee" && (
        <WellbeingSwitch orgId={orgId} engagement={engagement} onChanged={onChanged} />
      )}
      {viewer === "coach" && (
        <PlannedSessionsForm orgId={orgId} engagement={engagement} onChanged={onChanged} />
      )}
    </section>
  );
}
