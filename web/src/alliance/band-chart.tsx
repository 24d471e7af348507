// A Chart.js bar chart of counts per band of the alliance total (canvas), bars below the cut-off in
// another colour; loaded on demand (lazy-chart.tsx), so pages without a chart do not download Chart.js.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  Tooltip,
} from "chart.js";
import { ChartCanvas } from "./chart-canvas.tsx";
import { CHART_COLORS } from "./chart-colors.ts";

// Only the pieces this chart uses, to keep the bundle small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BandBar {
  label: string;
  count: number;
  /** The band lies below the cut-off: drawn in the cut-off colour. */
  below: boolean;
}

export interface BandChartProps {
  /** Text alternative of the canvas: what the chart shows, in a sentence. */
  summary: string;
  bars: BandBar[];
  /** What the tooltip calls a count, e.g. "Engagements". */
  countLabel: string;
  className?: string;
}

function configFor(props: BandChartProps): ChartConfiguration<"bar", number[], string> {
  const { bars, countLabel } = props;
  const font = { family: getComputedStyle(document.body).fontFamily, size: 13 };
  const colors = bars.map((bar) => (bar.below ? CHART_COLORS.cutoff : CHART_COLORS.total));
  const highest = Math.max(0, ...bars.map((bar) => bar.count));
  return {
    type: "bar",
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [
        {
          label: countLabel,
          data: bars.map((bar) => bar.count),
          backgroundColor: colors,
          borderColor: colors,
          borderWidth: 0,
          maxBarThickness: 56,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { grid: { display: false }, ticks: { color: CHART_COLORS.text, font } },
        y: {
          beginAtZero: true,
          suggestedMax: Math.max(4, highest),
          ticks: { color: CHART_COLORS.text, font, precision: 0 },
          grid: { color: CHART_COLORS.grid },
        },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: { label: (item) => `${countLabel}: ${item.formattedValue}` },
        },
      },
    },
  };
}

export function BandChart(props: BandChartProps) {
  // Redraw only when what is drawn changes, not on every render of the page.
  return (
    <ChartCanvas
      config={() => configFor(props)}
      drawnKey={JSON.stringify([props.bars, props.countLabel])}
      summary={props.summary}
      className={props.className}
    />
  );
}
