// The trend chart, loaded on demand: Chart.js is fetched only by pages that draw a chart.
import { lazy, Suspense } from "react";
import type { TrendChartProps } from "./trend-chart.tsx";

const TrendChart = lazy(async () => ({ default: (await import("./trend-chart.tsx")).TrendChart }));

export function LazyTrendChart(props: TrendChartProps) {
  const box = props.className === undefined ? "chart-box" : `chart-box ${props.className}`;
  return (
    <Suspense fallback={<div className={box} role="img" aria-label={props.summary} />}>
      <TrendChart {...props} />
    </Suspense>
  );
}
