// Order statuses and timeline steps (the kernel's order_events) in the shopper's words.

const finalStatuses = new Set(["completed", "partially_refunded", "refunded", "expired", "cancelled", "failed"]);

// Once final, nothing about the order changes any more: no refreshing, no keys still to come.
export const isFinal = (status: string) => finalStatuses.has(status);

// Before the payment is confirmed the shopper waits on the payment; after it, on the keys.
export const isPaid = (status: string) => !["pending", "reserved", "awaiting_payment", "held"].includes(status);

const statusWords: Record<string, string> = {
  pending: "Getting your order ready",
  reserved: "Getting your order ready",
  awaiting_payment: "Waiting for your payment",
  held: "On hold for a quick check",
  paid: "Paid, preparing your keys",
  fulfilling: "Paid, preparing your keys",
  completed: "Complete",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
  expired: "Expired: the payment was not completed in time",
  cancelled: "Cancelled",
  failed: "Could not be completed",
};

export const orderStatusText = (status: string) => statusWords[status] ?? "In progress";

const stepWords: Record<string, string> = {
  created: "Order placed",
  reserved: "Games set aside for you",
  awaiting_payment: "Sent to PayPal for payment",
  held: "Payment approved, on hold for a quick check",
  "review-approved": "Checked and approved",
  "review-denied": "Checked: we could not accept the order",
  "review-expired": "The check could not be finished in time",
  paid: "Payment received",
  fulfilling: "Getting your keys",
  line_fulfilled: "Keys delivered",
  line_failed: "A game could not be delivered",
  refunded: "Refunded",
  "refund-requested": "You asked for a refund to PayPal",
  "region-checked": "Checked: your keys work in your country",
  "region-refused": "Stopped before payment: a key would not work in your country",
  "claim-opened": "You told us a key does not work",
  "claim-replaced": "We replaced the key that did not work",
  "claim-refunded": "We refunded the key that did not work",
  "claim-rejected": "We answered your claim",
  completed: "Order complete",
  partially_refunded: "Partly refunded",
  expired: "Expired: the payment was not completed in time",
  cancelled: "Cancelled",
  failed: "Could not be completed",
};

export const stepText = (step: string) => stepWords[step] ?? "Updated";

const lineWords: Record<string, string> = {
  fulfilled: "Delivered",
  delivered: "Delivered",
  refunded: "Refunded",
  failed: "Could not be delivered",
};

// A line not delivered yet is on its way once paid; an unpaid order's lines wait with it.
export function lineStatusText(lineStatus: string, orderStatus: string): string {
  const word = lineWords[lineStatus];
  if (word) return word;
  if (isFinal(orderStatus)) return orderStatusText(orderStatus);
  if (orderStatus === "held") return "Waiting for the check";
  return isPaid(orderStatus) ? "On its way" : "Waiting for payment";
}

// What a shopper can say about a key that does not work; the store's list (apps/Contracts/Orders/KeyClaims.cs).
export const claimReasons = [
  { value: "already_used", label: "The key was already used" },
  { value: "invalid", label: "The key is not accepted as valid" },
  { value: "wrong_region", label: "The key is for another region" },
  { value: "wrong_platform", label: "The key is for another platform" },
  { value: "other", label: "Something else" },
] as const;

export const claimReasonText = (reason: string) => claimReasons.find((r) => r.value === reason)?.label ?? "Something else";
