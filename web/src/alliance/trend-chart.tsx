// A Chart.js line chart of alliance scores per session, with an optional shaded cut-off band (canvas);
// loaded on demand (lazy-chart.tsx), so pages without a chart do not download Chart.js.
import {
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  type PointStyle,
  Tooltip,
} from "chart.js";
import { ChartCanvas } from "./chart-canvas.tsx";
import { CHART_COLORS } from "./chart-colors.ts";

// Only the pieces these charts use, to keep the bundle small.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  pointStyle?: PointStyle;
  /** Per point: marks a point (e.g. a session with an open alert) with another style and colour. */
  marked?: boolean[];
}

export interface TrendChartProps {
  /** Text alternative of the canvas: what the chart shows, in a sentence. */
  summary: string;
  labels: string[];
  series: TrendSeries[];
  min: number;
  max: number;
  /** Shades the area below this value and draws a dashed line at it. */
  cutoff?: number;
  /** Extra tooltip lines per point index (e.g. the alerts of that session). */
  notes?: string[][];
  className?: string;
}

function cutoffBand(cutoff: number): Plugin<"line"> {
  return {
    id: "cutoffBand",
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const y = scales.y;
      if (y === undefined) return;
      const top = y.getPixelForValue(cutoff);
      ctx.save();
      ctx.fillStyle = CHART_COLORS.band;
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, chartArea.bottom - top);
      ctx.strokeStyle = CHART_COLORS.cutoff;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, top);
      ctx.lineTo(chartArea.right, top);
      ctx.stroke();
      ctx.restore();
    },
  };
}

function configFor(props: TrendChartProps): ChartConfiguration<"line", (number | null)[], string> {
  const { labels, series, min, max, cutoff, notes } = props;
  const font = { family: getComputedStyle(document.body).fontFamily, size: 13 };
  return {
    type: "line",
    data: {
      labels,
      datasets: series.map((s) => {
        const marked = s.marked ?? [];
        const style = s.pointStyle ?? "circle";
        return {
          label: s.label,
          data: s.values,
          borderColor: s.color,
          backgroundColor: s.color,
          borderWidth: 2.5,
          borderDash: s.dash ?? [],
          spanGaps: true,
          tension: 0,
          pointStyle: s.values.map((_, i) => (marked[i] === true ? "triangle" : style)),
          pointRadius: s.values.map((_, i) => (marked[i] === true ? 8 : 4)),
          pointHoverRadius: s.values.map((_, i) => (marked[i] === true ? 10 : 6)),
          pointBackgroundColor: s.values.map((_, i) => (marked[i] === true ? CHART_COLORS.alert : s.color)),
          pointBorderColor: s.values.map((_, i) => (marked[i] === true ? CHART_COLORS.alert : s.color)),
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: {
          offset: true,
          grid: { display: false },
          ticks: { color: CHART_COLORS.text, font },
        },
        y: {
          min,
          max,
          ticks: { color: CHART_COLORS.text, font, stepSize: max - min > 10 ? 10 : 2 },
          grid: { color: CHART_COLORS.grid },
        },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            label: (item) => `${item.dataset.label ?? ""}: ${item.formattedValue}`,
            afterBody: (items) => notes?.[items[0]?.dataIndex ?? -1] ?? [],
          },
        },
      },
    },
    plugins: cutoff === undefined ? [] : [cutoffBand(cutoff)],
  };
}

export function TrendChart(props: TrendChartProps) {
  // Redraw only when what is drawn changes, not on every render of the page.
  return (
    <ChartCanvas
      config={() => configFor(props)}
      drawnKey={JSON.stringify([props.labels, props.series, props.min, props.max, props.cutoff, props.notes])}
      summary={props.summary}
      className={props.className}
    />
  );
}
