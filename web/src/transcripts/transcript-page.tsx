// /engagements/:engagementId/sessions/:sessionId/transcript: the coach uploads a session's transcript
// (with the coachee's consent); coach and coachee read its report.
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { fetchEngagement } from "../engagements/engagements.api.ts";
import { useSelection } from "../shell/selection.tsx";
import { Field } from "../ui/field.tsx";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { TranscriptReport } from "./transcript-report.tsx";
import { fetchConsent, fetchTranscript, uploadTranscript } from "./transcripts.api.ts";

/** The server's limit on an upload's request body (docs/api.md). */
const MAX_BYTES = 2 * 1024 * 1024 - 1024;
const MAX_LABEL = "2 MiB";

const FORMATS = [
  ["", "Detect it"],
  ["vtt", "WebVTT (Zoom, Teams, Meet)"],
  ["srt", "SRT subtitles"],
  ["plain", "Plain text (Name: text)"],
  ["otter", "Otter export"],
  ["json", "Diarised JSON"],
] as const;

function UploadForm({
  orgId,
  sessionId,
  onUploaded,
}: {
  orgId: string;
  sessionId: string;
  onUploaded: () => void;
}) {
  const [text, setText] = useState("");
  const [format, setFormat] = useState("");
  const [coachSpeaker, setCoachSpeaker] = useState("");
  const { busy, error, setError, run } = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (text.trim() === "") {
      setError("Choose a transcript file or paste its text.");
      return;
    }
    // The request carries the text JSON-escaped, a little larger than the file itself.
    if (new Blob([JSON.stringify(text)]).size > MAX_BYTES) {
      setError(`This transcript is larger than ${MAX_LABEL}; upload a shorter one.`);
      return;
    }
    await run(async () => {
      await uploadTranscript(orgId, sessionId, {
        text,
        ...(format !== "" && { format }),
        ...(coachSpeaker.trim() !== "" && { coachSpeaker: coachSpeaker.trim() }),
      });
      setText("");
      onUploaded();
    });
  }

  return (
    <form className="form card section" onSubmit={onSubmit} aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading">Add the transcript</h2>
      <Field label="Transcript file" hint="A .vtt, .srt, .txt or .json export of the recording.">
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".vtt,.srt,.txt,.json,text/plain,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              if (file.size > MAX_BYTES) {
                setError(`This file is larger than ${MAX_LABEL}; upload a shorter transcript.`);
                return;
              }
              file.text().then(setText, () => setError("The file could not be read."));
            }}
          />
        )}
      </Field>
      <Field label="Or paste the text">
        {(control) => (
          <textarea {...control} rows={8} value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      <div className="field-row">
        <Field label="Format">
          {(control) => (
            <select {...control} value={format} onChange={(event) => setFormat(event.target.value)}>
              {FORMATS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Your name in the transcript" hint="If it is not your name here, e.g. 'Speaker 1'.">
          {(control) => (
            <input
              {...control}
              value={coachSpeaker}
              onChange={(event) => setCoachSpeaker(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorAlert error={error} />
      <button type="submit" className="button" disabled={busy}>
        Analyse transcript
      </button>
    </form>
  );
}

export function TranscriptPage() {
  const { engagementId = "", sessionId = "" } = useParams();
  const { organization } = useSelection();
  const orgId = organization.id;
  const detail = useResource(`${orgId}/${engagementId}`, () => fetchEngagement(orgId, engagementId));
  const consent = useResource(`${orgId}/${engagementId}/consent`, () => fetchConsent(orgId, engagementId));
  const transcript = useResource(`${orgId}/${sessionId}/transcript`, () => fetchTranscript(orgId, sessionId));
  const [message, setMessage] = useState<string | null>(null);
  const session = detail.data?.sessions.find((s) => s.id === sessionId);
  const title = session
    ? `Transcript of the session on ${formatDateTime(session.startsAt)}`
    : "Session transcript";
  useTitle(title);
  const isCoach = detail.data?.engagement.viewerRelation === "coach";
  return (
    <>
      <p className="back-link">
        <Link to={`/engagements/${engagementId}`}>
          <span aria-hidden="true">← </span>Back to the engagement
        </Link>
      </p>
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <StatusMessage message={message} />
      <ErrorAlert error={detail.error ?? transcript.error ?? consent.error} />
      {(detail.loading || transcript.loading) && transcript.data === undefined && (
        <Loading what="the transcript" />
      )}
      {isCoach && consent.data !== undefined && consent.data.status !== "granted" && (
        <p className="notice">
          {detail.data?.engagement.coachee.displayName} has not given consent to transcripts; they can give it
          on the engagement page.
        </p>
      )}
      {isCoach && consent.data?.status === "granted" && transcript.data === null && (
        <UploadForm
          orgId={orgId}
          sessionId={sessionId}
          onUploaded={() => {
            setMessage("Transcript analysed.");
            transcript.reload();
          }}
        />
      )}
      {isCoach && consent.data?.status === "granted" && transcript.data && (
        <details className="notes-disclosure">
          <summary>Replace the transcript</summary>
          <UploadForm
            orgId={orgId}
            sessionId={sessionId}
            onUploaded={() => {
              setMessage("Transcript replaced and analysed again.");
              transcript.reload();
            }}
          />
        </details>
      )}
      {transcript.data === null && !isCoach && <p>No transcript has been added for this session.</p>}
      {transcript.data && <TranscriptReport analysis={transcript.data.analysis} />}
    </>
  );
}
