// The alliance charts, loaded on demand: Chart.js is fetched only by pages that draw a chart.
import { lazy, Suspense } from "react";
import type { BandChartProps } from "./band-chart.tsx";
import type { TrendChartProps } from "./trend-chart.tsx";

const TrendChart = lazy(async () => ({ default: (await import("./trend-chart.tsx")).TrendChart }));
const BandChart = lazy(async () => ({ default: (await import("./band-chart.tsx")).BandChart }));

function boxClass(className: string | undefined): string {
  return className === undefined ? "chart-box" : `chart-box ${className}`;
}

export function LazyTrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<div className={boxClass(props.className)} role="img" aria-label={props.summary} />}>
      <TrendChart {...props} />
    </Suspense>
  );
}

export function LazyBandChart(props: BandChartProps) {
  return (
    <Suspense fallback={<div className={boxClass(props.className)} role="img" aria-label={props.summary} />}>
      <BandChart {...props} />
    </Suspense>
  );
}
