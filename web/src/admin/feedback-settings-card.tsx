// The admin card "Early-warning thresholds": one programme's settings of the feedback rules
// (docs/feedback-rules.md), saved as overrides of the defaults or restored to them.
import { type FormEvent, useRef, useState } from "react";
import { type ApiError, toApiError } from "../api.ts";
import type { FeedbackSettingField, FeedbackSettingsOverrides, FeedbackSettingsView } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { fetchFeedbackSettings, saveFeedbackSettings } from "./admin.api.ts";

interface SettingCopy {
  field: FeedbackSettingField;
  label: string;
  /** Said after the default and range, e.g. what 0 means. */
  note?: string;
  /** Spinner step; whole-number settings always use 1. */
  step: number;
}

/** Every setting in the order of docs/feedback-rules.md, in plain words. */
const SETTINGS: readonly SettingCopy[] = [
  { field: "weakAllianceCutoff0to40", label: "Weak alliance below (of 40)", step: 0.5 },
  { field: "ruptureDrop0to40", label: "Rupture: a drop of at least (of 40)", step: 0.5 },
  {
    field: "reliableChangeSd0to40",
    label: "Spread of totals for reliable change (SD, of 40)",
    step: 0.5,
  },
  {
    field: "reliableChangeReliability",
    label: "Reliability of the total for reliable change (r)",
    step: 0.01,
  },
  { field: "goalTaskDrop0to10", label: "Goal and task agreement: a drop of at least (of 10)", step: 0.5 },
  {
    field: "goalTaskFloor0to10",
    label: "Goal or task agreement below (of 10)",
    note: "0 turns this check off",
    step: 0.5,
  },
  { field: "perceptionGap0to40", label: "Coach's prediction higher by at least (of 40)", step: 0.5 },
  { field: "missingRatingsInARow", label: "Sessions in a row without a rating", step: 1 },
  {
    field: "periodicCheckEvery",
    label: "Ask the coach-attributes and side-effects check-ins every (sessions)",
    note: "1 asks them after every session",
    step: 1,
  },
];

type Drafts = Record<FeedbackSettingField, string>;
type FieldErrors = Partial<Record<FeedbackSettingField, string>>;

function draftsOf(view: FeedbackSettingsView): Drafts {
  const drafts: Partial<Drafts> = {};
  for (const { field } of SETTINGS) drafts[field] = String(view.settings[field]);
  return drafts as Drafts;
}

function hintOf(view: FeedbackSettingsView, copy: SettingCopy): string {
  const range = view.ranges[copy.field];
  const whole = range.integer ? "a whole number " : "";
  const note = copy.note === undefined ? "" : `; ${copy.note}`;
  return `Default ${range.default}; ${whole}from ${range.min} to ${range.max}${note}.`;
}

function isSettingField(value: string): value is FeedbackSettingField {
  return SETTINGS.some((s) => s.field === value);
}

/** The overrides to send: every value that differs from its default, or the errors found first. */
function parseDrafts(
  view: FeedbackSettingsView,
  drafts: Drafts,
): { ok: true; overrides: FeedbackSettingsOverrides } | { ok: false; errors: FieldErrors } {
  const overrides: FeedbackSettingsOverrides = {};
  const errors: FieldErrors = {};
  for (const { field } of SETTINGS) {
    const range = view.ranges[field];
    const text = drafts[field].trim();
    const value = Number(text);
    const whole = range.integer ? "a whole number " : "a number ";
    const expected = `Enter ${whole}from ${range.min} to ${range.max}.`;
    if (text === "" || !Number.isFinite(value)) errors[field] = expected;
    else if (value < range.min || value > range.max) errors[field] = expected;
    else if (range.integer && !Number.isInteger(value)) errors[field] = expected;
    else if (value !== range.default) overrides[field] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, overrides };
}

interface FormProps {
  orgId: string;
  programmeId: string;
  programmeName: string;
  initial: FeedbackSettingsView;
}

function ThresholdsForm({ orgId, programmeId, programmeName, initial }: FormProps) {
  const [view, setView] = useState(initial);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(initial));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<FeedbackSettingField, HTMLInputElement | null>>>({});

  function focusFirst(errors: FieldErrors): void {
    const first = SETTINGS.find(({ field }) => errors[field] !== undefined);
    if (first !== undefined) inputs.current[first.field]?.focus();
  }

  async function save(overrides: FeedbackSettingsOverrides, done: string): Promise<void> {
    setBusy(true);
    try {
      const saved = await saveFeedbackSettings(orgId, programmeId, overrides);
      setView(saved);
      setDrafts(draftsOf(saved));
      setMessage(done);
    } catch (caught) {
      const apiError = toApiError(caught);
      const named = apiError.field?.replace(/^body\.overrides\./, "") ?? "";
      if (isSettingField(named)) {
        const errors: FieldErrors = { [named]: apiError.message };
        setFieldErrors(errors);
        focusFirst(errors);
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const parsed = parseDrafts(view, drafts);
    if (!parsed.ok) {
      setFieldErrors(parsed.errors);
      focusFirst(parsed.errors);
      return;
    }
    setFieldErrors({});
    await save(parsed.overrides, `Thresholds saved for ${programmeName}. New alerts follow them.`);
  }

  async function onRestore(): Promise<void> {
    setError(null);
    setMessage(null);
    setFieldErrors({});
    await save({}, `Default thresholds restored for ${programmeName}.`);
  }

  return (
    <form onSubmit={onSubmit} className="form" aria-labelledby="thresholds-heading" noValidate>
      <div className="field-row">
        {SETTINGS.map((copy) => {
          const { field } = copy;
          const range = view.ranges[field];
          const fieldError = fieldErrors[field];
          const errorId = `threshold-${field}-error`;
          return (
            <Field key={field} label={copy.label} hint={hintOf(view, copy)}>
              {(control) => (
                <>
                  <input
                    {...control}
                    ref={(element) => {
                      inputs.current[field] = element;
                    }}
                    aria-describedby={
                      [control["aria-describedby"], fieldError === undefined ? undefined : errorId]
                        .filter((id) => id !== undefined)
                        .join(" ") || undefined
                    }
                    aria-invalid={fieldError === undefined ? undefined : true}
                    type="number"
                    inputMode={range.integer ? "numeric" : "decimal"}
                    min={range.min}
                    max={range.max}
                    step={range.integer ? 1 : copy.step}
                    required
                    value={drafts[field]}
                    onChange={(event) => {
                      const text = event.target.value;
                      setDrafts((prev) => ({ ...prev, [field]: text }));
                    }}
                  />
                  {fieldError !== undefined && (
                    <p id={errorId} className="field-error">
                      {fieldError}
                    </p>
                  )}
                </>
              )}
            </Field>
          );
        })}
      </div>
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Save thresholds
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onRestore}>
          Restore defaults
        </button>
      </div>
    </form>
  );
}

interface FeedbackSettingsCardProps {
  orgId: string;
  programmeId: string;
  programmeName: string;
}

/** For one programme only; the caller shows it to that programme's admins. */
export function FeedbackSettingsCard({ orgId, programmeId, programmeName }: FeedbackSettingsCardProps) {
  const settings = useResource(`${orgId}/${programmeId}`, () => fetchFeedbackSettings(orgId, programmeId));
  return (
    <section className="card section" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Early-warning thresholds</h2>
      <p className="hint">
        When {programmeName} raises an alert to its coaches. A value left at its default follows future
        changes to the default.
      </p>
      <ErrorAlert error={settings.error} />
      {settings.data === undefined ? (
        settings.loading && <Loading what="thresholds" />
      ) : (
        <ThresholdsForm
          key={`${orgId}/${programmeId}`}
          orgId={orgId}
          programmeId={programmeId}
          programmeName={programmeName}
          initial={settings.data}
        />
      )}
    </section>
  );
}
