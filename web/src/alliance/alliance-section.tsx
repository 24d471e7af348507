// The engagement's "Alliance" section: the trend (total with its cut-off band, subscales), a data table,
// and for the coach the engagement's alerts with Acknowledge and Resolve.
import { useEffect, useState } from "react";
import { AlertList } from "../alerts/alert-card.tsx";
import { useAlertCount } from "../alerts/alert-count.tsx";
import type { Alert, AlliancePoint, AllianceTrend, Engagement } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading, StatusMessage } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { fetchAlliance } from "./alliance.api.ts";
import { AllianceTable, predictionOf } from "./alliance-table.tsx";
import { CHART_COLORS } from "./chart-colors.ts";
import { formatScore } from "./format.ts";
import { LazyTrendChart } from "./lazy-chart.tsx";
import type { TrendSeries } from "./trend-chart.tsx";

/** Open and acknowledged alerts per session id: the points the chart marks. */
function openAlertsBySession(alerts: Alert[]): Map<string, Alert[]> {
  const bySession = new Map<string, Alert[]>();
  for (const alert of alerts) {
    if (alert.status === "resolved") continue;
    bySession.set(alert.sessionId, [...(bySession.get(alert.sessionId) ?? []), alert]);
  }
  return bySession;
}

function latestSummary(trend: AllianceTrend, isCoach: boolean, coacheeName: string): string {
  const rated = trend.points.filter((point) => point.total !== null);
  const latest = rated.at(-1);
  if (latest === undefined || latest.total === null) {
    return isCoach
      ? `No ratings yet. After each session you mark as held, ${coacheeName} gets a link to rate it.`
      : "No ratings yet. After each session you get a link to rate it; your ratings appear here.";
  }
  const position =
    latest.total < trend.cutoff
      ? `below the cut-off of ${formatScore(trend.cutoff)}`
      : `at or above the cut-off of ${formatScore(trend.cutoff)}`;
  return (
    `Latest rating: session ${latest.sessionNumber} (${formatDateTime(latest.startsAt)}), ` +
    `${formatScore(latest.total)} of 40, ${position}. ${rated.length} of ${trend.points.length} held sessions rated.`
  );
}

interface TotalLegendProps {
  cutoff: number;
  marked: boolean;
  predicted: boolean;
}

function TotalLegend({ cutoff, marked, predicted }: TotalLegendProps) {
  return (
    <ul className="chart-legend">
      <li>
        <span className="legend-swatch legend-line legend-total" aria-hidden="true" />
        Total (0–40)
      </li>
      {predicted && (
        <li>
          <span className="legend-swatch legend-line legend-prediction" aria-hidden="true" />
          Your prediction
        </li>
      )}
      <li>
        <span className="legend-swatch legend-band" aria-hidden="true" />
        Below the cut-off of {formatScore(cutoff)}
      </li>
      {marked && (
        <li>
          <span className="legend-swatch legend-alert" aria-hidden="true" />
          Session with an open alert
        </li>
      )}
    </ul>
  );
}

function SubscaleLegend() {
  return (
    <ul className="chart-legend">
      <li>
        <span className="legend-swatch legend-line legend-goals" aria-hidden="true" />
        Goals
      </li>
      <li>
        <span className="legend-swatch legend-line legend-approach" aria-hidden="true" />
        Approach
      </li>
      <li>
        <span className="legend-swatch legend-line legend-bond" aria-hidden="true" />
        Bond
      </li>
    </ul>
  );
}

function AllianceCharts({ trend, openAlerts }: { trend: AllianceTrend; openAlerts: Map<string, Alert[]> }) {
  const { points, cutoff } = trend;
  const labels = points.map((point) => `Session ${point.sessionNumber}`);
  const marked = points.map((point) => openAlerts.has(point.sessionId));
  const notes = points.map((point) =>
    (openAlerts.get(point.sessionId) ?? []).map((alert) => `Open alert: ${alert.reason}`),
  );
  const totals = points.map((point) => point.total);
  const predictions = points.map(predictionOf);
  const predicted = predictions.some((prediction) => prediction !== null);
  const rated = totals.filter((total) => total !== null);
  const pointText = (p: AlliancePoint): string => {
    const total = p.total === null ? "not rated" : formatScore(p.total);
    const prediction = predictionOf(p);
    return prediction === null
      ? `session ${p.sessionNumber} ${total}`
      : `session ${p.sessionNumber} ${total} (your prediction ${formatScore(prediction)})`;
  };
  const totalSummary =
    rated.length === 0
      ? "Chart of the alliance total per session: no ratings yet."
      : `Chart of the alliance total per session, 0 to 40, with the cut-off at ${formatScore(cutoff)}: ` +
        `${points.map(pointText).join(", ")}.`;
  const series: TrendSeries[] = [{ label: "Total", values: totals, color: CHART_COLORS.total, marked }];
  if (predicted) {
    series.push({
      label: "Your prediction",
      values: predictions,
      color: CHART_COLORS.prediction,
      dash: [8, 4],
      pointStyle: "rectRot",
    });
  }
  return (
    <div className="alliance-charts">
      <figure className="chart-figure">
        <figcaption className="chart-caption">Total per session</figcaption>
        <LazyTrendChart
          summary={totalSummary}
          labels={labels}
          min={0}
          max={40}
          cutoff={cutoff}
          notes={notes}
          series={series}
        />
        <TotalLegend cutoff={cutoff} marked={marked.some(Boolean)} predicted={predicted} />
      </figure>
      <figure className="chart-figure">
        <figcaption className="chart-caption">Goals, approach and bond (0–10)</figcaption>
        <LazyTrendChart
          className="chart-box-small"
          summary="Chart of the three subscales per session, 0 to 10: agreement on goals, agreement on approach, and bond. The table below has the numbers."
          labels={labels}
          min={0}
          max={10}
          series={[
            { label: "Goals", values: points.map((p) => p.goals), color: CHART_COLORS.goals },
            {
              label: "Approach",
              values: points.map((p) => p.approach),
              color: CHART_COLORS.approach,
              dash: [8, 4],
              pointStyle: "rect",
            },
            {
              label: "Bond",
              values: points.map((p) => p.bond),
              color: CHART_COLORS.bond,
              dash: [2, 3],
              pointStyle: "rectRot",
            },
          ]}
        />
        <SubscaleLegend />
      </figure>
    </div>
  );
}

interface EngagementAlertsProps {
  orgId: string;
  alerts: Alert[];
  onChanged: (alert: Alert, message: string) => void;
}

function EngagementAlerts({ orgId, alerts, onChanged }: EngagementAlertsProps) {
  const current = alerts.filter((alert) => alert.status !== "resolved");
  const resolved = alerts.filter((alert) => alert.status === "resolved");
  return (
    <div className="alliance-alerts">
      <h3>Alerts</h3>
      {current.length === 0 ? (
        <p className="muted">No open alerts for this engagement.</p>
      ) : (
        <AlertList
          orgId={orgId}
          alerts={current}
          headingLevel={4}
          showCoachee={false}
          onChanged={onChanged}
        />
      )}
      {resolved.length > 0 && (
        <details className="data-disclosure">
          <summary>Resolved alerts ({resolved.length})</summary>
          <AlertList
            orgId={orgId}
            alerts={resolved}
            headingLevel={4}
            showCoachee={false}
            onChanged={onChanged}
          />
        </details>
      )}
    </div>
  );
}

interface AllianceSectionProps {
  orgId: string;
  engagement: Engagement;
  /** Changes when the sessions changed (e.g. one was marked held), to load the trend again. */
  version: number;
}

export function AllianceSection({ orgId, engagement, version }: AllianceSectionProps) {
  const [message, setMessage] = useState<string | null>(null);
  const alertCount = useAlertCount();
  const trend = useResource(`${orgId}/${engagement.id}`, () => fetchAlliance(orgId, engagement.id));
  const isCoach = engagement.viewerRelation === "coach";
  const { reload } = trend;
  // Keeps the chart on screen while the new trend loads (a new key would clear it).
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  function onAlertChanged(_alert: Alert, text: string): void {
    setMessage(text);
    trend.reload();
    alertCount.refresh();
  }

  const data = trend.data;
  const openAlerts = openAlertsBySession(data?.alerts ?? []);
  return (
    <section className="card section" aria-labelledby="alliance-heading">
      <h2 id="alliance-heading">Alliance</h2>
      <ErrorAlert error={trend.error} />
      {data === undefined ? (
        trend.loading && <Loading what="the alliance trend" />
      ) : (
        <>
          <p className="muted">{latestSummary(data, isCoach, engagement.coachee.displayName)}</p>
          {data.points.some((point) => point.total !== null) && (
            <AllianceCharts trend={data} openAlerts={openAlerts} />
          )}
          {data.points.length > 0 && (
            <AllianceTable points={data.points} openAlerts={isCoach ? openAlerts : null} />
          )}
          {isCoach && (
            <>
              <StatusMessage message={message} />
              <EngagementAlerts orgId={orgId} alerts={data.alerts} onChanged={onAlertChanged} />
            </>
          )}
        </>
      )}
    </section>
  );
}
