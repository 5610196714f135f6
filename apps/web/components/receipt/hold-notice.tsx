import { formatDateTime } from "@/lib/catalog/format";

// A held order: why, how long, what happens next, in the shopper's words. The money is only set aside until then.
export function HoldNotice({ reasons, reviewBy }: { reasons: string[]; reviewBy: string | null }) {
  return (
    <div role="status" className="notice notice-warn notice-hold" data-testid="hold-notice">
      <p>
        <strong>We are checking this order before we charge you.</strong> We do this for a few orders to keep stolen
        payments out of the store.
      </p>
      {reasons.length > 0 && (
        <>
          <p>Why this one:</p>
          <ul aria-label="Why this order is checked">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        {reviewBy ? (
          <>
            The check is usually done within a few hours, and at the latest by{" "}
            <time dateTime={reviewBy}>{formatDateTime(reviewBy)}</time>.
          </>
        ) : (
          "The check is usually done within a few hours."
        )}
      </p>
      <p>
        PayPal has set the money aside but you have not been charged. If the order is approved, you are charged and your
        keys arrive here at once. If it is not, the money is released to you and nothing is charged.
      </p>
    </div>
  );
}
