// The Matching page's card "Match score weights": how much each part of the score counts in this
// programme (0 leaves it out) and the largest time-zone gap allowed, over the documented defaults.
import { type FormEvent, useState } from "react";
import type { MatchSettingsView } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { componentLabel } from "./component-labels.ts";
import { fetchMatchSettings, saveMatchSettings } from "./matching.api.ts";

function SettingsForm({
  orgId,
  programmeId,
  initial,
  onSaved,
}: {
  orgId: string;
  programmeId: string;
  initial: MatchSettingsView;
  onSaved: () => void;
}) {
  const [weights, setWeights] = useState(() =>
    Object.fromEntries(Object.entries(initial.settings.weights).map(([k, v]) => [k, String(v)])),
  );
  const [gap, setGap] = useState(String(initial.settings.maxTimeZoneGapHours));
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setMessage(null);
    const parsed = Object.entries(weights).map(([k, v]) => [k, Number(v)] as const);
    const bad = parsed.find(([, v]) => !Number.isFinite(v) || v < 0 || v > 100);
    if (bad) {
      setError(`${componentLabel(bad[0])}: a weight is a number from 0 to 100.`);
      return;
    }
    const hours = Number(gap);
    if (!Number.isFinite(hours) || hours < 0 || hours > 12) {
      setError("The time-zone limit is a number of hours from 0 to 12.");
      return;
    }
    await run(async () => {
      await saveMatchSettings(orgId, programmeId, {
        weights: Object.fromEntries(parsed),
        maxTimeZoneGapHours: hours,
      });
      setMessage("Weights saved: the proposals and shortlists use them now.");
      onSaved();
    });
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      <div className="field-row">
        {Object.keys(initial.defaults.weights).map((component) => (
          <Field
            key={component}
            label={componentLabel(component)}
            hint={`Default ${initial.defaults.weights[component]}`}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                value={weights[component] ?? ""}
                onChange={(e) => setWeights((prev) => ({ ...prev, [component]: e.target.value }))}
              />
            )}
          </Field>
        ))}
        <Field label="Largest time-zone gap (hours)" hint={`Default ${initial.defaults.maxTimeZoneGapHours}`}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={12}
              step="any"
              inputMode="decimal"
              value={gap}
              onChange={(e) => setGap(e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="button" disabled={busy}>
        Save weights
      </button>
    </form>
  );
}

export function MatchSettingsCard({
  orgId,
  programmeId,
  onSaved,
}: {
  orgId: string;
  programmeId: string;
  onSaved: () => void;
}) {
  const settings = useResource(`${orgId}/${programmeId}`, () => fetchMatchSettings(orgId, programmeId));
  return (
    <section className="card section" aria-labelledby="match-settings-heading">
      <h2 id="match-settings-heading">Match score weights</h2>
      <p className="hint">
        How much each part counts in this programme's scores; 0 leaves it out. Gender counts only for coachees
        who state a preference. Age is never part of the score.
      </p>
      <ErrorAlert error={settings.error} />
      {settings.data === undefined ? (
        settings.loading && <Loading what="the weights" />
      ) : (
        <SettingsForm orgId={orgId} programmeId={programmeId} initial={settings.data} onSaved={onSaved} />
      )}
    </section>
  );
}
