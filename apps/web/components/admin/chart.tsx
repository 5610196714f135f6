"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

// One series of a chart: bars, or a line with points, on the left axis (amounts) or the right one (counts).
export type ChartSeries = { label: string; values: number[]; color: string; axis?: "left" | "right"; line?: boolean };

type Props = { labels: string[]; series: ChartSeries[]; summary: string; height?: number };

// Whole categories only: a day, a supplier, a step; never half of one.
const steps = [1, 2, 5, 7, 14, 30, 61, 91];

// uPlot (about 22 kB gzipped, canvas) draws the numbers the kernel computed, one x position per label; the chart is an
// image to screen readers, named by its summary, and each page shows the same numbers as a table beside it.
export function Chart({ labels, series, summary, height = 220 }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = labels.map((_, i) => i);
    // Side by side when two series share the categories as bars.
    const bars = series.filter((s) => !s.line);
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height,
        legend: { show: series.length > 1, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: () => [-0.5, labels.length - 0.5] },
          left: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] },
          right: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] },
        },
        axes: [
          { incrs: steps, values: (_u, splits) => splits.map((i) => labels[i] ?? "") },
          { scale: "left", size: 60 },
          ...(series.some((s) => s.axis === "right") ? [{ scale: "right", side: 1, size: 40, grid: { show: false } }] : []),
        ],
        series: [
          { label: "" },
          ...series.map((s) => ({
            label: s.label,
            scale: s.axis ?? "left",
            stroke: s.color,
            width: s.line ? 2 : 0,
            fill: s.line ? undefined : s.color,
            points: { show: s.line === true },
            paths: s.line
              ? undefined
              : uPlot.paths.bars!({ size: [bars.length > 1 ? 0.4 : 0.7, 56], align: bars.length > 1 ? (bars.indexOf(s) === 0 ? -1 : 1) : 0 }),
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels, series, height]);

  return <div ref={box} className="admin-chart" role="img" aria-label={summary} />;
}
