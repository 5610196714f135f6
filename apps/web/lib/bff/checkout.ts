import "server-only";
import type { Receipt, RevealedKey } from "@/lib/orders/types";
import type {
  BffCheckoutReturned,
  BffCheckoutStarted,
  BffCheckoutStatus,
  BffOrderReceipt,
  BffRegionWarning,
  BffRevealedKey,
} from "./types";
import { signedInWrite } from "./account";
import { cartCsrf } from "./cart";
import { bff, orNull } from "./request";

const order = (orderId: string) => `/checkout/${encodeURIComponent(orderId)}`;

// The BFF prices the cart itself and answers once PayPal's approve link exists. Writes carry the cart's token (the session's
// when signed in); for a guest the BFF sets gd_receipt, which the action passes on so the return page finds the order.
export async function startCheckout(guestEmail?: string): Promise<BffCheckoutStarted> {
  const body = guestEmail === undefined ? {} : { email: guestEmail };
  return bff<BffCheckoutStarted>("/checkout", { method: "POST", body, csrf: await cartCsrf(), shopper: "action" });
}

// For the review page: keys in the cart that would not activate where the shopper plays (checkout refuses them).
export const getRegionWarning = () => bff<BffRegionWarning>("/checkout/region-warning", { shopper: "page" });

// Return and cancel run while PayPal's redirect renders a page, which cannot set cookies: they only read the shopper's.
export async function returnFromPayPal(orderId: string, token: string, payerId?: string): Promise<BffCheckoutReturned> {
  const csrf = await cartCsrf("page");
  return bff<BffCheckoutReturned>(`${order(orderId)}/return`, { method: "POST", body: { token, payerId }, csrf, shopper: "page" });
}

export async function cancelOnPayPal(orderId: string, token: string): Promise<void> {
  const csrf = await cartCsrf("page");
  await bff<unknown>(`${order(orderId)}/cancel`, { method: "POST", body: { token }, csrf, shopper: "page" });
}

// null when the order is not the shopper's (or does not exist): the BFF answers both with 404.
export const getCheckoutStatus = (orderId: string) => orNull(bff<BffCheckoutStatus>(order(orderId), { shopper: "page" }), 404);

function reshapeReceipt(r: BffOrderReceipt): Receipt {
  const money = (amount: number) => ({ amount, currency: r.currency });
  return {
    orderId: r.orderId,
    number: r.number,
    status: r.status,
    email: r.email,
    total: money(r.total),
    createdAt: r.createdAt,
    lines: r.lines.map((line) => ({
      lineId: String(line.lineId),
      title: line.title,
      slug: line.slug,
      quantity: line.quantity,
      status: line.status,
      unitPrice: money(line.unitPrice),
      lineTotal: money(Math.round(line.unitPrice * line.quantity * 100) / 100),
      keys: line.keys.map((key) => ({
        keyId: String(key.keyId),
        revealedAt: key.revealedAt ?? null,
        claim: key.claim ? { ...key.claim, note: key.claim.note ?? null } : null,
        replacesKeyId: key.replacesKeyId == null ? null : String(key.replacesKeyId),
      })),
      refundableUntil: line.refundableUntil ?? null,
    })),
    timeline: r.timeline,
    hold: r.hold ? { reasons: r.hold.reasons, reviewBy: r.hold.reviewBy ?? null } : null,
  };
}

async function receipt(path: string): Promise<Receipt | null> {
  const found = await orNull(bff<BffOrderReceipt>(path, { shopper: "page" }), 404, 400);
  return found && reshapeReceipt(found);
}

const reshapeKey = (key: BffRevealedKey): RevealedKey => ({ ...key, keyId: String(key.keyId) });

const accountKey = (orderId: string, keyId: string) =>
  `/account/orders/${encodeURIComponent(orderId)}/keys/${encodeURIComponent(keyId)}/reveal`;
const receiptKey = (token: string, keyId: string) => `/receipts/${encodeURIComponent(token)}/keys/${encodeURIComponent(keyId)}/reveal`;

// Signed in: only the session user's own orders; anyone else's is a 404 like a missing one.
export const getOrderReceipt = (orderId: string) => receipt(`/account/orders/${encodeURIComponent(orderId)}`);
export const revealOrderKey = (orderId: string, keyId: string) =>
  signedInWrite<BffRevealedKey>("POST", accountKey(orderId, keyId)).then(reshapeKey);

const accountLine = (orderId: string, lineId: string) =>
  `/account/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/refund`;
export const refundOrderLine = (orderId: string, lineId: string) => signedInWrite<void>("POST", accountLine(orderId, lineId));

// Guest link: the token is the credential, so these writes need no CSRF token.
export const getReceipt = (token: string) => receipt(`/receipts/${encodeURIComponent(token)}`);
export const revealReceiptKey = (token: string, keyId: string) =>
  bff<BffRevealedKey>(receiptKey(token, keyId), { method: "POST", shopper: "action" }).then(reshapeKey);
export const refundReceiptLine = (token: string, lineId: string) =>
  bff<void>(`/receipts/${encodeURIComponent(token)}/lines/${encodeURIComponent(lineId)}/refund`, { method: "POST", shopper: "action" });

// A revealed key that does not work: the shopper's claim, one per key (the store answers by mail and on the receipt).
export type ClaimBody = { reason: string; message: string };
const claimPath = (base: string, keyId: string) => `${base}/keys/${encodeURIComponent(keyId)}/claim`;
export const claimOrderKey = (orderId: string, keyId: string, body: ClaimBody) =>
  signedInWrite<void>("POST", claimPath(`/account/orders/${encodeURIComponent(orderId)}`, keyId), body);
export const claimReceiptKey = (token: string, keyId: string, body: ClaimBody) =>
  bff<void>(claimPath(`/receipts/${encodeURIComponent(token)}`, keyId), { method: "POST", body, shopper: "action" });
