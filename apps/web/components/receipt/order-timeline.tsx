import { formatDateTime } from "@/lib/catalog/format";
import { stepText } from "@/lib/orders/status";

// What happened to the order and when, oldest first.
export function OrderTimeline({ steps }: { steps: { step: string; at: string }[] }) {
  return (
    <ol className="timeline" aria-label="Order history">
      {steps.map(({ step, at }, i) => (
        <li key={`${step}-${i}`}>
          <time dateTime={at}>{formatDateTime(at)}</time> <span>{stepText(step)}</span>
        </li>
      ))}
    </ol>
  );
}
