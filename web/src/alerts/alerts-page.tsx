// /alerts: the coach's inbox of alerts across their engagements, grouped by severity, with their actions.
import { useState } from "react";
import { useSelection } from "../shell/selection.tsx";
import type { Alert, AlertFilter } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { count } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { AlertList } from "./alert-card.tsx";
import { useAlertCount } from "./alert-count.tsx";
import { listAlerts } from "./alerts.api.ts";
import { SEVERITIES, SEVERITY_LABELS } from "./labels.ts";

const FILTERS: readonly { value: AlertFilter; label: string }[] = [
  { value: "", label: "Open and acknowledged" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

function isFilter(value: string): value is AlertFilter {
  return FILTERS.some((filter) => filter.value === value);
}

interface AlertGroupsProps {
  orgId: string;
  alerts: Alert[];
  onChanged: (alert: Alert, message: string) => void;
}

function AlertGroups({ orgId, alerts, onChanged }: AlertGroupsProps) {
  if (alerts.length === 0) {
    return (
      <div className="card empty">
        <p>No alerts here. When a rating shows that an alliance needs attention, it appears here.</p>
      </div>
    );
  }
  return (
    <>
      {SEVERITIES.map((severity) => {
        const inGroup = alerts.filter((alert) => alert.severity === severity);
        if (inGroup.length === 0) return null;
        const headingId = `alerts-${severity}`;
        return (
          <section key={severity} className="section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {SEVERITY_LABELS[severity]} <span className="heading-count">({inGroup.length})</span>
            </h2>
            <AlertList orgId={orgId} alerts={inGroup} headingLevel={3} showCoachee onChanged={onChanged} />
          </section>
        );
      })}
    </>
  );
}

export function AlertsPage() {
  useTitle("Alerts");
  const { organization } = useSelection();
  const alertCount = useAlertCount();
  const [filter, setFilter] = useState<AlertFilter>("");
  const [message, setMessage] = useState<string | null>(null);
  const alerts = useResource(`${organization.id}?${filter}`, () => listAlerts(organization.id, filter));

  function onChanged(_alert: Alert, text: string): void {
    setMessage(text);
    alerts.reload();
    alertCount.refresh();
  }

  return (
    <>
      <div className="page-head">
        <h1>Alerts</h1>
        <p className="lead">
          What the ratings of the people you coach ask of you, most urgent first: why each alert was raised
          and a repair move to try.
        </p>
      </div>
      <div className="filter-bar">
        <Field label="Show">
          {(control) => (
            <select
              {...control}
              value={filter}
              onChange={(event) => {
                const next = event.target.value;
                if (isFilter(next)) setFilter(next);
              }}
            >
              {FILTERS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {alerts.data !== undefined && (
          <p className="muted" aria-live="polite">
            {count(alerts.data.length, "alert", "alerts")}
          </p>
        )}
      </div>
      <StatusMessage message={message} />
      <ErrorAlert error={alerts.error} />
      {alerts.data === undefined ? (
        alerts.loading && <Loading what="alerts" />
      ) : (
        <AlertGroups orgId={organization.id} alerts={alerts.data} onChanged={onChanged} />
      )}
    </>
  );
}
