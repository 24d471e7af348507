// A canvas that draws one Chart.js chart, redrawn only when what it shows changes; shared by the charts.
import { Chart, type ChartConfiguration, type ChartType } from "chart.js";
import { useEffect, useLayoutEffect, useRef } from "react";

interface ChartCanvasProps<T extends ChartType> {
  /** Builds the chart's configuration from the latest props. */
  readonly config: () => ChartConfiguration<T, unknown[], string>;
  /** Changes exactly when the drawing must change (e.g. the JSON of the data shown). */
  readonly drawnKey: string;
  /** Text alternative of the chart, for screen readers and when the canvas cannot draw. */
  readonly summary: string;
  readonly className?: string | undefined;
}

export function ChartCanvas<T extends ChartType>({
  config,
  drawnKey,
  summary,
  className,
}: ChartCanvasProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(config);
  useLayoutEffect(() => {
    latest.current = config;
  });

  useEffect(() => {
    const element = canvas.current;
    if (element === null || drawnKey === "") return;
    const chart = new Chart(element, latest.current());
    return () => chart.destroy();
  }, [drawnKey]);

  return (
    <div className={className === undefined ? "chart-box" : `chart-box ${className}`}>
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  );
}
