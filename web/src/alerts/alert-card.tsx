// One alert as the coach sees it: severity, reason, suggested repair, status, Acknowledge and Resolve.
import { useId, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { toApiError } from "../api.ts";
import type { Alert, AlertSeverity, AlertStatus } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert } from "../ui/messages.tsx";
import { acknowledgeAlert } from "./alerts.api.ts";
import { ALERT_STATUS_LABELS, alertKindLabel, SEVERITY_LABELS } from "./labels.ts";
import { ResolveAlertForm } from "./resolve-alert-form.tsx";

/** Alerts of a weak start, where a cheap re-match is worth considering (docs/matching.md). */
const EARLY_REMATCH_KINDS: ReadonlySet<string> = new Set(["weak_alliance", "rupture"]);
/** The re-match stays open while at most this many sessions are held (the server's rule). */
const EARLY_SESSIONS = 3;

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <span className={`badge badge-severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

function StatusTag({ status }: { status: AlertStatus }) {
  return <span className={`tag tag-alert-${status}`}>{ALERT_STATUS_LABELS[status]}</span>;
}

interface AlertCardProps {
  orgId: string;
  alert: Alert;
  /** The heading level of the alert's title: 3 in the inbox, 4 inside the engagement's Alliance section. */
  headingLevel: 3 | 4;
  /** Names the coachee, linked to the engagement (the inbox lists many engagements). */
  showCoachee: boolean;
  /** Called with the changed alert, after it was acknowledged or resolved, with what to announce. */
  onChanged: (alert: Alert, message: string) => void;
}

function AlertDates({ alert }: { alert: Alert }) {
  return (
    <p className="alert-meta">
      Raised <time dateTime={alert.openedAt}>{formatDateTime(alert.openedAt)}</time>
      {alert.acknowledgedAt !== null && (
        <>
          {" · "}acknowledged{" "}
          <time dateTime={alert.acknowledgedAt}>{formatDateTime(alert.acknowledgedAt)}</time>
        </>
      )}
      {alert.resolvedAt !== null && (
        <>
          {" · "}resolved <time dateTime={alert.resolvedAt}>{formatDateTime(alert.resolvedAt)}</time>
        </>
      )}
    </p>
  );
}

export function AlertCard({ orgId, alert, headingLevel, showCoachee, onChanged }: AlertCardProps) {
  const [resolving, setResolving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const formId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const kind = alertKindLabel(alert.kind);

  async function acknowledge(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const changed = await acknowledgeAlert(orgId, alert.id);
      onChanged(changed, `Alert acknowledged: ${kind}, ${alert.coacheeName}.`);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className={`alert-card alert-card-${alert.severity}`} aria-labelledby={titleId}>
      <div className="alert-card-head">
        <SeverityBadge severity={alert.severity} />
        <Heading id={titleId} className="alert-title">
          {showCoachee && (
            <>
              <Link to={`/engagements/${encodeURIComponent(alert.engagementId)}`}>{alert.coacheeName}</Link>
              {": "}
            </>
          )}
          {kind}, session {alert.sessionNumber}
        </Heading>
        <StatusTag status={alert.status} />
      </div>
      <p className="alert-reason">{alert.reason}</p>
      <div className="alert-repair">
        <p>
          <strong>Suggested repair:</strong> {alert.suggestedRepair}
        </p>
        {EARLY_REMATCH_KINDS.has(alert.kind) &&
          alert.sessionNumber <= EARLY_SESSIONS &&
          alert.status !== "resolved" && (
            <p className="alert-rematch">
              Early in the engagement, a better-matched coach may help more than repairs: after talking it
              through with {alert.coacheeName}, you can end it for a re-match on{" "}
              <Link to={`/engagements/${encodeURIComponent(alert.engagementId)}`}>the engagement page</Link>.
            </p>
          )}
      </div>
      {alert.resolutionNote !== null && alert.resolutionNote !== "" && (
        <p className="alert-resolution">
          <strong>Resolution note:</strong> {alert.resolutionNote}
        </p>
      )}
      <AlertDates alert={alert} />
      <ErrorAlert error={error} />
      {alert.status !== "resolved" && (
        <div className="button-row alert-actions">
          {alert.status === "open" && (
            <button
              type="button"
              className="button button-small button-secondary"
              aria-describedby={titleId}
              disabled={busy}
              onClick={acknowledge}
            >
              Acknowledge
            </button>
          )}
          <button
            ref={resolveButton}
            type="button"
            className="button button-small"
            aria-describedby={titleId}
            aria-expanded={resolving}
            aria-controls={formId}
            onClick={() => setResolving(!resolving)}
          >
            Resolve
          </button>
        </div>
      )}
      <div id={formId}>
        {resolving && alert.status !== "resolved" && (
          <ResolveAlertForm
            orgId={orgId}
            alert={alert}
            onClose={() => {
              setResolving(false);
              resolveButton.current?.focus();
            }}
            onResolved={(changed) => {
              setResolving(false);
              onChanged(changed, `Alert resolved: ${kind}, ${alert.coacheeName}.`);
            }}
          />
        )}
      </div>
    </article>
  );
}

interface AlertListProps {
  orgId: string;
  alerts: Alert[];
  headingLevel: 3 | 4;
  showCoachee: boolean;
  onChanged: (alert: Alert, message: string) => void;
}

export function AlertList({ alerts, ...rest }: AlertListProps) {
  return (
    <ul className="alert-list">
      {alerts.map((alert) => (
        <li key={alert.id}>
          <AlertCard alert={alert} {...rest} />
        </li>
      ))}
    </ul>
  );
}
