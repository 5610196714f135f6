import { formatMoney } from "@/lib/catalog/format";
import type { PriceHistory as History } from "@/lib/catalog/types";

const width = 240;
const height = 48;
const pad = 4;
const window = 90 * 24 * 60 * 60 * 1000;

// The last 90 days as a step line drawn on the server (no script): each price holds until the next; gaps are the
// times the game could not be bought. The lowest price is marked.
export function PriceHistory({ history }: { history: History }) {
  // The kernel's window ends when it answered: 90 days after `since`.
  const since = Date.parse(history.since);
  const now = since + window;
  const priced = history.points.filter((p) => p.price !== null).map((p) => p.price as number);
  if (priced.length === 0 || !history.lowest) return null;
  const low = Math.min(...priced);
  const high = Math.max(...priced);
  const x = (at: number) => pad + ((at - since) / window) * (width - 2 * pad);
  const y = (price: number) => (high === low ? height / 2 : pad + ((high - price) / (high - low)) * (height - 2 * pad));

  const segments: string[] = [];
  let lowest: { cx: number; cy: number } | null = null;
  history.points.forEach((point, i) => {
    if (point.price === null) return;
    const start = x(Date.parse(point.at));
    const end = i + 1 < history.points.length ? x(Date.parse(history.points[i + 1].at)) : x(now);
    segments.push(`M${start.toFixed(1)} ${y(point.price).toFixed(1)}H${end.toFixed(1)}`);
    if (point.price === low && !lowest) lowest = { cx: (start + end) / 2, cy: y(point.price) };
  });
  const marker = lowest as { cx: number; cy: number } | null;
  const lowestText = formatMoney(history.lowest);

  return (
    <figure className="price-history">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`Price over the last 90 days, from ${formatMoney({ ...history.lowest, amount: high })} down to ${lowestText}`}
      >
        <path d={segments.join("")} className="price-line" fill="none" strokeWidth="2" />
        {marker && <circle cx={marker.cx} cy={marker.cy} r="4" className="price-low" />}
      </svg>
      <figcaption>
        Lowest in 90 days: <strong data-testid="lowest-90">{lowestText}</strong>
      </figcaption>
    </figure>
  );
}
