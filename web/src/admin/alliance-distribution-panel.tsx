// "Alliance across the programme" for admins: engagements per band of their latest Alliance Check total,
// as a bar chart and a table, with the count below the cut-off and the median; counts only, never who.

import type { BandBar } from "../alliance/band-chart.tsx";
import { formatScore } from "../alliance/format.ts";
import { LazyBandChart } from "../alliance/lazy-chart.tsx";
import type { AllianceDistribution, AllianceDistributionCounts } from "../types.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { fetchAllianceDistribution } from "./admin.api.ts";

/** "30-35" as people read it: "30–35". */
function bandLabel(id: string): string {
  return id.replace("-", "–");
}

function barsOf(data: AllianceDistribution, counts: AllianceDistributionCounts): BandBar[] {
  return data.bands.map((band) => ({
    label: bandLabel(band.id),
    count: counts.bands[band.id] ?? 0,
    below: band.min < data.cutoff,
  }));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function chartSummary(cutoff: number, counts: AllianceDistributionCounts, bars: BandBar[]): string {
  const perBand = bars.map((bar) => `${bar.label}: ${bar.count}`).join(", ");
  return (
    `Bar chart of ${plural(counts.engagements, "engagement", "engagements")} by latest total (of 40): ` +
    `${perBand}. ${counts.belowCutoff} below the cut-off of ${formatScore(cutoff)}.`
  );
}

function Median({ value }: { value: number | null }) {
  if (value !== null) return <>{formatScore(value)}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

function DistributionLegend({ cutoff }: { cutoff: number }) {
  return (
    <ul className="chart-legend">
      <li>
        <span className="legend-swatch legend-bar-below" aria-hidden="true" />
        Below the cut-off of {formatScore(cutoff)}
      </li>
      <li>
        <span className="legend-swatch legend-bar-above" aria-hidden="true" />
        At or above {formatScore(cutoff)}
      </li>
    </ul>
  );
}

function DistributionTable({
  cutoff,
  counts,
  bars,
}: {
  cutoff: number;
  counts: AllianceDistributionCounts;
  bars: BandBar[];
}) {
  return (
    <div className="table-wrap">
      <table className="compact-table">
        <caption>Engagements per band, with the totals</caption>
        <thead>
          <tr>
            <th scope="col">Total (of 40)</th>
            <th scope="col">Engagements</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">
                {bar.label}
                {bar.below && <span className="visually-hidden"> (below the cut-off)</span>}
              </th>
              <td>{bar.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All engagements</th>
            <td>{counts.engagements}</td>
          </tr>
          <tr>
            <th scope="row">Below {formatScore(cutoff)}</th>
            <td>{counts.belowCutoff}</td>
          </tr>
          <tr>
            <th scope="row">Median total (of 40)</th>
            <td>
              <Median value={counts.median} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function DistributionView({
  data,
  counts,
}: {
  data: AllianceDistribution;
  counts: AllianceDistributionCounts;
}) {
  const bars = barsOf(data, counts);
  const cutoff = formatScore(data.cutoff);
  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>Engagements counted</dt>
          <dd>{counts.engagements}</dd>
        </div>
        <div className="stat">
          <dt>Below the cut-off of {cutoff}</dt>
          <dd>{counts.belowCutoff}</dd>
        </div>
        <div className="stat">
          <dt>Median total (of 40)</dt>
          <dd>
            <Median value={counts.median} />
          </dd>
        </div>
      </dl>
      <div className="distribution">
        <figure className="chart-figure">
          <figcaption className="chart-caption">Engagements by latest total</figcaption>
          <LazyBandChart
            className="chart-box-small"
            summary={chartSummary(data.cutoff, counts, bars)}
            bars={bars}
            countLabel="Engagements"
          />
          <DistributionLegend cutoff={data.cutoff} />
        </figure>
        <DistributionTable cutoff={data.cutoff} counts={counts} bars={bars} />
      </div>
    </>
  );
}

interface AllianceDistributionPanelProps {
  orgId: string;
  /** "" for the whole organization (organization admins). */
  programmeId: string;
  scopeLabel: string;
}

export function AllianceDistributionPanel({
  orgId,
  programmeId,
  scopeLabel,
}: AllianceDistributionPanelProps) {
  const result = useResource(`${orgId}/${programmeId}`, () => fetchAllianceDistribution(orgId, programmeId));
  const data = result.data;
  return (
    <section className="card section" aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">Alliance across the programme</h2>
      <p className="muted">
        {scopeLabel}: each engagement counts once, with its latest Alliance Check total. Counts only, never
        who.
      </p>
      <ErrorAlert error={result.error} />
      {data === undefined ? (
        result.loading && <Loading what="the alliance distribution" />
      ) : data.withheld || data.distribution === null ? (
        <div className="notice notice-info">
          <p>
            Shown once at least {data.minimumGroupSize} coachees have rated their sessions, so that no one can
            be singled out.
          </p>
        </div>
      ) : (
        <DistributionView data={data} counts={data.distribution} />
      )}
    </section>
  );
}
