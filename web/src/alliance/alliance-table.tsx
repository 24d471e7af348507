// The alliance trend as a data table: the same numbers as the charts, for screen readers and exact reading.
import type { Alert, AlliancePoint } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { formatScore } from "./format.ts";

function Score({ value }: { value: number | null }) {
  if (value !== null) return <>{formatScore(value)}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">not rated</span>
    </>
  );
}

function Prediction({ value }: { value: number | null }) {
  if (value !== null) return <>{formatScore(value)}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">no reflection</span>
    </>
  );
}

interface AllianceTableProps {
  points: AlliancePoint[];
  /** Open alerts per session id; null when the viewer does not see alerts (the coachee). */
  openAlerts: ReadonlyMap<string, Alert[]> | null;
}

/** The coach's prediction of a point, if any (the coachee always gets null). */
export function predictionOf(point: AlliancePoint): number | null {
  return typeof point.prediction === "number" ? point.prediction : null;
}

export function AllianceTable({ points, openAlerts }: AllianceTableProps) {
  const showPredictions = points.some((point) => predictionOf(point) !== null);
  return (
    <details className="data-disclosure">
      <summary>Show the ratings as a table</summary>
      <div className="table-wrap">
        <table className="table stack-table alliance-table">
          <caption className="visually-hidden">Alliance ratings per session, earliest first</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              <th scope="col">Total (of 40)</th>
              {showPredictions && <th scope="col">Your prediction (of 40)</th>}
              <th scope="col">Goals (of 10)</th>
              <th scope="col">Approach (of 10)</th>
              <th scope="col">Bond (of 10)</th>
              {openAlerts !== null && <th scope="col">Open alerts</th>}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.sessionId}>
                <th scope="row" data-label="Session">
                  Session {point.sessionNumber}
                </th>
                <td data-label="Date">
                  <time dateTime={point.startsAt}>{formatDateTime(point.startsAt)}</time>
                </td>
                <td data-label="Total (of 40)">
                  {point.total === null ? "Not rated yet" : formatScore(point.total)}
                </td>
                {showPredictions && (
                  <td data-label="Your prediction (of 40)">
                    <Prediction value={predictionOf(point)} />
                  </td>
                )}
                <td data-label="Goals (of 10)">
                  <Score value={point.goals} />
                </td>
                <td data-label="Approach (of 10)">
                  <Score value={point.approach} />
                </td>
                <td data-label="Bond (of 10)">
                  <Score value={point.bond} />
                </td>
                {openAlerts !== null && (
                  <td data-label="Open alerts">{openAlerts.get(point.sessionId)?.length ?? 0}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
