// "Reflect on this session": the coach's Coach mirror for a held session, loaded when opened — the form
// until they have answered ("Save reflection"), then their answers and prediction, read-only.
import { type SyntheticEvent, useId, useRef, useState } from "react";
import { formatScore } from "../alliance/format.ts";
import { type ApiError, toApiError } from "../api.ts";
import { InstrumentForm } from "../instruments/instrument-form.tsx";
import { localized } from "../instruments/localized.ts";
import type { AnswerValue, InstrumentDefinition, InstrumentItem, MirrorResponse } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { fetchMirror, submitMirror } from "./mirror.api.ts";

/** The name the API gives the prediction in `body.answers.prediction` and on the alliance trend. */
const PREDICTION = "prediction";

/** The item holding the coach's prediction of the coachee's total (`predicted-total` in Coach mirror 1.0.0). */
function predictionItemId(instrument: InstrumentDefinition): string | null {
  const item =
    instrument.items.find((candidate) => candidate.id === PREDICTION) ??
    instrument.items.find((candidate) => candidate.kind === "scale" && candidate.id.includes("predict"));
  return item?.id ?? null;
}

function predictionSentence(prediction: number): string {
  return `You predicted ${formatScore(prediction)} of 40.`;
}

function answerText(item: InstrumentItem, answer: AnswerValue): string {
  switch (item.kind) {
    case "scale":
      return typeof answer === "number" ? `${formatScore(answer)} of ${item.max ?? 10}` : String(answer);
    case "choice": {
      const option = item.options?.find((candidate) => candidate.code === answer);
      return option === undefined ? String(answer) : localized(option.label);
    }
    case "boolean":
      return answer === true ? "Yes" : "No";
    case "text":
      return String(answer);
  }
}

function AnswerList({
  items,
  answers,
}: {
  items: readonly InstrumentItem[];
  answers: Record<string, AnswerValue>;
}) {
  return (
    <dl className="reflection-answers">
      {items.map((item) => {
        const answer = answers[item.id];
        return (
          <div key={item.id}>
            <dt>{localized(item.text)}</dt>
            <dd>{answer === undefined ? "" : answerText(item, answer)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function Reflection({
  instrument,
  more,
  response,
}: {
  instrument: InstrumentDefinition;
  more: readonly InstrumentDefinition[];
  response: MirrorResponse;
}) {
  const predictionId = predictionItemId(instrument);
  const prediction =
    response.prediction ??
    (predictionId === null ? undefined : response.answers[predictionId]) ??
    response.answers[PREDICTION];
  const answered = instrument.items.filter(
    (item) => item.id !== predictionId && response.answers[item.id] !== undefined,
  );
  return (
    <div className="reflection">
      <h3>Your reflection</h3>
      <p>
        Saved <time dateTime={response.submittedAt}>{formatDateTime(response.submittedAt)}</time>.{" "}
        {typeof prediction === "number" && <strong>{predictionSentence(prediction)}</strong>}
      </p>
      {answered.length > 0 && <AnswerList items={answered} answers={response.answers} />}
      {more.map((extra) => {
        const answers = response.more[extra.id];
        if (answers === undefined) return null;
        return (
          <div key={extra.id}>
            <h4>{localized(extra.title)}</h4>
            <AnswerList
              items={extra.items.filter((item) => answers[item.id] !== undefined)}
              answers={answers}
            />
          </div>
        );
      })}
    </div>
  );
}

interface MirrorPanelProps {
  orgId: string;
  sessionId: string;
  /** The id of the session's date, which tells the disclosures of several sessions apart. */
  describedBy: string;
  /** Called after the reflection was saved (the alliance trend shows the prediction). */
  onSaved: () => void;
}

export function MirrorPanel({ orgId, sessionId, describedBy, onSaved }: MirrorPanelProps) {
  const [opened, setOpened] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const titleId = useId();
  const [conflict, setConflict] = useState<string | null>(null);
  // With a five-pillars self-view this time, the mirror's answers wait here while the coach answers it.
  const [mirrorAnswers, setMirrorAnswers] = useState<Record<string, AnswerValue> | null>(null);
  // What the mirror step held when the coach went on, to start from if they come back to it.
  const [draft, setDraft] = useState<Record<string, AnswerValue>>({});
  const [skipping, setSkipping] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The mirror loads the first time the disclosure opens, not for every held session on the page.
  const mirror = useResource(opened ? sessionId : null, () => fetchMirror(orgId, sessionId));

  function onToggle(event: SyntheticEvent<HTMLDetailsElement>): void {
    if (event.currentTarget.open) setOpened(true);
  }

  function onFailure(error: ApiError): boolean {
    if (error.status !== 409) return false;
    // Already given (e.g. in another tab) or the session is no longer held: say so, show what is.
    setConflict(error.message);
    mirror.reload();
    return true;
  }

  /** Saves the reflection; an error is thrown to the form that asked, which shows it by its item. */
  async function save(
    answers: Record<string, AnswerValue>,
    more: Record<string, Record<string, AnswerValue>>,
  ): Promise<void> {
    setConflict(null);
    const scores = await submitMirror(orgId, sessionId, answers, more);
    setSaved(
      scores.prediction === null
        ? "Reflection saved."
        : `Reflection saved. ${predictionSentence(scores.prediction)}`,
    );
    setMirrorAnswers(null);
    mirror.reload();
    onSaved();
  }

  /** "Skip this and save" on the self-view step: the mirror alone, once at a time. */
  async function saveWithoutSelfView(answers: Record<string, AnswerValue>): Promise<void> {
    if (skipping) return;
    setSkipping(true);
    try {
      await save(answers, {});
    } catch (caught) {
      const error = toApiError(caught);
      if (!onFailure(error)) setConflict(error.message);
    } finally {
      setSkipping(false);
    }
  }

  function toStep(answers: Record<string, AnswerValue> | null): void {
    setConflict(null);
    setMirrorAnswers(answers);
    // The form changes under the keyboard user: the step's heading takes the focus.
    requestAnimationFrame(() => heading.current?.focus());
  }

  const data = mirror.data;
  const predictionId = data === undefined ? null : predictionItemId(data.instrument);
  const description = data === undefined ? "" : localized(data.instrument.description);
  return (
    <details className="notes-disclosure mirror-disclosure" onToggle={onToggle}>
      <summary aria-describedby={describedBy}>Reflect on this session</summary>
      <div className="notes-panel">
        <ErrorAlert error={mirror.error} />
        <ErrorAlert error={conflict} />
        <StatusMessage message={saved} />
        {data === undefined && mirror.loading && <Loading what="your reflection" />}
        {data !== undefined && data.response !== null && (
          <Reflection instrument={data.instrument} more={data.more} response={data.response} />
        )}
        {data !== undefined && data.response === null && saved === null && (
          <div className="mirror-form">
            <h3 id={titleId} ref={heading} tabIndex={-1}>
              {localized(
                (mirrorAnswers === null ? data.instrument : data.more[0])?.title ?? data.instrument.title,
              )}
            </h3>
            {mirrorAnswers === null ? (
              <p className="muted">
                Only you see your answers. Your prediction is compared with your coachee's own rating, to show
                where your view and theirs differ.
              </p>
            ) : (
              <p className="muted">
                This session your own view of the five pillars sits beside your coachee's. Only you see it.
              </p>
            )}
            {description !== "" && mirrorAnswers === null && <p>{description}</p>}
            <InstrumentForm
              key={mirrorAnswers === null ? "mirror" : "more"}
              instrument={mirrorAnswers === null ? data.instrument : (data.more[0] ?? data.instrument)}
              initialAnswers={mirrorAnswers === null ? draft : undefined}
              submitLabel={mirrorAnswers === null && data.more.length > 0 ? "Continue" : "Save reflection"}
              className="mirror-answers"
              labelledBy={titleId}
              fieldAliases={
                predictionId === null || predictionId === PREDICTION ? {} : { [PREDICTION]: predictionId }
              }
              secondary={
                mirrorAnswers === null
                  ? undefined
                  : { label: "Skip this and save", onClick: () => void saveWithoutSelfView(mirrorAnswers) }
              }
              onFailure={onFailure}
              submit={async (answers) => {
                const extra = data.more[0];
                if (mirrorAnswers === null && extra !== undefined) {
                  setDraft(answers);
                  toStep(answers);
                  return;
                }
                await save(mirrorAnswers ?? answers, extra && mirrorAnswers ? { [extra.id]: answers } : {});
              }}
            />
            {mirrorAnswers !== null && (
              <button
                type="button"
                className="button button-quiet"
                disabled={skipping}
                onClick={() => toStep(null)}
              >
                Back to the coach mirror
              </button>
            )}
          </div>
        )}
      </div>
    </details>
  );
}
