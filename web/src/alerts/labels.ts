// Human labels for alert kinds, severities and statuses, and the order severities are shown in.
import type { AlertSeverity, AlertStatus } from "../types.ts";

export const SEVERITIES: readonly AlertSeverity[] = ["urgent", "warning", "info"];

export const SEVERITY_LABELS: Readonly<Record<AlertSeverity, string>> = {
  urgent: "Urgent",
  warning: "Warning",
  info: "Info",
};

export const ALERT_STATUS_LABELS: Readonly<Record<AlertStatus, string>> = {
  open: "Open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

const KIND_LABELS: Readonly<Record<string, string>> = {
  weak_alliance: "Weak alliance",
  rupture: "Possible rupture",
  goal_task_agreement_falling: "Agreement on goals and approach falling",
  perception_gap: "Perception gap",
  side_effects_reported: "Side effects reported",
  wellbeing_positive: "Wellbeing screen positive",
  ratings_missing: "Ratings missing",
};

/** "Weak alliance"; an unknown kind as its words ("new_rule" → "New rule"). */
export function alertKindLabel(kind: string): string {
  const known = KIND_LABELS[kind];
  if (known !== undefined) return known;
  const words = kind.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
