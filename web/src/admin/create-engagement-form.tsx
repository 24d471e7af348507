// The admin form that pairs a coach with a coachee (and optionally a sponsor) in a programme.
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { toApiError } from "../api.ts";
import type { Engagement, Person, Programme, Role } from "../types.ts";
import { ErrorAlert, StatusMessage } from "../ui/messages.tsx";
import { createEngagement } from "./admin.api.ts";
import { effectiveProgramme, holdsRole } from "./people.ts";
import { PersonSelect } from "./person-select.tsx";
import { ProgrammeSelect } from "./programme-select.tsx";

interface CreateEngagementFormProps {
  orgId: string;
  programmes: Programme[];
  people: Person[];
  currentProgrammeId: string;
  onCreated: () => void;
}

/** The chosen person if they still qualify (the programme may have changed), else none. */
function stillIn(candidates: Person[], chosen: string): string {
  return candidates.some((p) => p.id === chosen) ? chosen : "";
}

export function CreateEngagementForm(props: CreateEngagementFormProps) {
  const { orgId, programmes, people, currentProgrammeId, onCreated } = props;
  const [chosenProgramme, setChosenProgramme] = useState("");
  const [chosen, setChosen] = useState({ coach: "", coachee: "", sponsor: "" });
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Engagement | null>(null);
  const [busy, setBusy] = useState(false);

  const programmeId = effectiveProgramme(programmes, chosenProgramme, currentProgrammeId);
  const withRole = (role: Role): Person[] => people.filter((person) => holdsRole(person, role, programmeId));
  const coaches = withRole("coach");
  const coachees = withRole("coachee");
  const sponsors = withRole("sponsor");
  const coachId = stillIn(coaches, chosen.coach);
  const coacheeId = stillIn(coachees, chosen.coachee);
  const sponsorId = stillIn(sponsors, chosen.sponsor);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (coachId !== "" && coachId === coacheeId) {
      setError("A person cannot coach themselves. Choose a different coach or coachee.");
      return;
    }
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const engagement = await createEngagement(orgId, {
        programmeId,
        coachId,
        coacheeId,
        ...(sponsorId === "" ? {} : { sponsorId }),
      });
      setCreated(engagement);
      setChosen({ coach: "", coachee: "", sponsor: "" });
      onCreated();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="create-engagement-heading">
      <h2 id="create-engagement-heading">Create an engagement</h2>
      <form onSubmit={onSubmit} className="form" aria-labelledby="create-engagement-heading">
        <ProgrammeSelect programmes={programmes} value={programmeId} onChange={setChosenProgramme} />
        <PersonSelect
          label="Coach"
          people={coaches}
          value={coachId}
          onChange={(coach) => setChosen({ ...chosen, coach })}
          emptyLabel={coaches.length === 0 ? "No coaches in this programme" : "Choose a coach"}
        />
        <PersonSelect
          label="Coachee"
          people={coachees}
          value={coacheeId}
          onChange={(coachee) => setChosen({ ...chosen, coachee })}
          emptyLabel={coachees.length === 0 ? "No coachees in this programme" : "Choose a coachee"}
        />
        <PersonSelect
          label="Sponsor (optional)"
          people={sponsors}
          value={sponsorId}
          onChange={(sponsor) => setChosen({ ...chosen, sponsor })}
          emptyLabel="No sponsor"
          optional
        />
        <ErrorAlert error={error} />
        <StatusMessage
          message={
            created !== null && (
              <>
                Engagement created: {created.coach.displayName} coaching {created.coachee.displayName}.{" "}
                <Link to={`/engagements/${encodeURIComponent(created.id)}`}>Open it</Link>
              </>
            )
          }
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || programmeId === ""}>
            Create engagement
          </button>
        </div>
      </form>
    </section>
  );
}
