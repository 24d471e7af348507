// The admin card "Support after a wellbeing check-in": the places to turn to that a programme's calm
// referral page lists after a positive wellbeing check-in (general advice while it lists none).
import { type FormEvent, useState } from "react";
import { fetchSupportResources, saveSupportResources } from "../check-ins/check-ins.api.ts";
import type { SupportResource, SupportResourcesView } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";

const MAX_RESOURCES = 10;
const EMPTY: SupportResource = { name: "", contact: "", note: "" };

interface FormProps {
  orgId: string;
  programmeId: string;
  programmeName: string;
  initial: SupportResourcesView;
}

function ResourcesForm({ orgId, programmeId, programmeName, initial }: FormProps) {
  const [view, setView] = useState(initial);
  const [rows, setRows] = useState<SupportResource[]>(
    initial.resources.length > 0 ? initial.resources : [EMPTY],
  );
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  function change(index: number, field: keyof SupportResource, value: string): void {
    setRows((prev) => prev.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    setMessage(null);
    // A row left wholly empty is not a resource; a row with a contact or note but no name is a mistake.
    const filled = rows.filter((row) => `${row.name}${row.contact}${row.note}`.trim() !== "");
    const unnamed = filled.findIndex((row) => row.name.trim() === "");
    if (unnamed >= 0) {
      setError(`Resource ${unnamed + 1} needs a name.`);
      return;
    }
    await run(async () => {
      const saved = await saveSupportResources(orgId, programmeId, filled);
      setView(saved);
      setRows(saved.resources.length > 0 ? saved.resources : [EMPTY]);
      setMessage(
        saved.programmeConfigured
          ? `Support resources saved for ${programmeName}.`
          : `No resources listed for ${programmeName}: the general advice is shown.`,
      );
    });
  }

  return (
    <form onSubmit={onSubmit} className="form" aria-labelledby="support-heading" noValidate>
      {rows.map((row, index) => (
        // Rows have no ids of their own; their position is what the admin edits.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <fieldset key={index} className="resource-fieldset">
          <legend>Resource {index + 1}</legend>
          <div className="field-row">
            <Field label="Name">
              {(control) => (
                <input
                  {...control}
                  value={row.name}
                  maxLength={120}
                  onChange={(e) => change(index, "name", e.target.value)}
                />
              )}
            </Field>
            <Field label="How to reach it" hint="A phone number, address or web page.">
              {(control) => (
                <input
                  {...control}
                  value={row.contact}
                  maxLength={200}
                  onChange={(e) => change(index, "contact", e.target.value)}
                />
              )}
            </Field>
            <Field label="When it helps">
              {(control) => (
                <input
                  {...control}
                  value={row.note}
                  maxLength={500}
                  onChange={(e) => change(index, "note", e.target.value)}
                />
              )}
            </Field>
          </div>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() =>
              setRows((prev) => (prev.length === 1 ? [EMPTY] : prev.filter((_, i) => i !== index)))
            }
          >
            Remove resource {index + 1}
          </button>
        </fieldset>
      ))}
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Save resources
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || rows.length >= MAX_RESOURCES}
          onClick={() => setRows((prev) => [...prev, EMPTY])}
        >
          Add a resource
        </button>
      </div>
      {!view.programmeConfigured && (
        <p className="hint">
          Until you list your own, the page shows general advice: {view.shown.map((r) => r.name).join("; ")}.
        </p>
      )}
    </form>
  );
}

interface SupportResourcesCardProps {
  orgId: string;
  programmeId: string;
  programmeName: string;
}

/** For one programme only; the caller shows it to that programme's admins. */
export function SupportResourcesCard({ orgId, programmeId, programmeName }: SupportResourcesCardProps) {
  const resources = useResource(`${orgId}/${programmeId}`, () => fetchSupportResources(orgId, programmeId));
  return (
    <section className="card section" aria-labelledby="support-heading">
      <h2 id="support-heading">Support after a wellbeing check-in</h2>
      <p className="hint">
        Coachees who turn the wellbeing check-in on and answer in a way that suggests support could help see
        these, calmly, right after rating — for example your employee assistance line.
      </p>
      <ErrorAlert error={resources.error} />
      {resources.data === undefined ? (
        resources.loading && <Loading what="support resources" />
      ) : (
        <ResourcesForm
          key={`${orgId}/${programmeId}`}
          orgId={orgId}
          programmeId={programmeId}
          programmeName={programmeName}
          initial={resources.data}
        />
      )}
    </section>
  );
}
