import type { Money } from "@/lib/catalog/types";

// The storefront's receipt, reshaped from the BFF's in lib/bff/checkout.ts.

// A claim that a revealed key does not work: what the shopper said, where it stands, and the store's note (why it was refused).
export type ReceiptClaim = { reason: string; status: string; note: string | null; openedAt: string };

export type ReceiptKey = { keyId: string; revealedAt: string | null; claim: ReceiptClaim | null; replacesKeyId: string | null };

export type ReceiptLine = {
  lineId: string;
  title: string;
  slug: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  status: string;
  keys: ReceiptKey[];
  // Until when the line can be refunded to PayPal in one click (no key revealed); null when it cannot.
  refundableUntil: string | null;
};

export type Receipt = {
  orderId: string;
  number: string;
  status: string;
  email: string;
  total: Money;
  createdAt: string;
  lines: ReceiptLine[];
  timeline: { step: string; at: string }[];
  hold: { reasons: string[]; reviewBy: string | null } | null;
};

export type RevealedKey = { keyId: string; value: string; contentType: string };

// What a "Reveal key" form shows: nothing yet, the key, or why not.
export type RevealState = { status: "idle" } | { status: "shown"; key: RevealedKey } | { status: "error"; message: string };
