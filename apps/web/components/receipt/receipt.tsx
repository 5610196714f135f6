import Link from "next/link";
import { formatDate, formatDateTime, formatMoney } from "@/lib/catalog/format";
import { claimReasonText, isFinal, isPaid, lineStatusText, orderStatusText } from "@/lib/orders/status";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/forms/state";
import type { Receipt as Order, ReceiptClaim, ReceiptLine, RevealState } from "@/lib/orders/types";
import { AutoRefresh } from "./auto-refresh";
import { ClaimForm } from "./claim-form";
import { HoldNotice } from "./hold-notice";
import { KeyReveal } from "./key-reveal";
import { OrderTimeline } from "./order-timeline";

type Props = {
  receipt: Order;
  reveal: (state: RevealState, form: FormData) => Promise<RevealState>;
  // One-click refund of a line whose keys were never revealed.
  refund: (state: FormState, form: FormData) => Promise<FormState>;
  // A claim that a revealed key does not work.
  claim: (state: FormState, form: FormData) => Promise<FormState>;
  // Sent with each reveal: the order id (signed in) or the receipt token (guest link).
  credential: Record<string, string>;
  // This page's own path, for the no-script "Check again" link.
  here: string;
};

// One receipt for both ways in (account order page and guest link): status, lines, keys and the order's history.
export function Receipt({ receipt, reveal, refund, claim, credential, here }: Props) {
  const final = isFinal(receipt.status);
  return (
    <div className="account receipt">
      <h1>Order {receipt.number}</h1>
      <p>
        Placed <time dateTime={receipt.createdAt}>{formatDate(receipt.createdAt)}</time> · {receipt.email}
      </p>
      <p className="receipt-status">
        Status: <strong data-testid="order-status">{orderStatusText(receipt.status)}</strong>
      </p>
      {!final && <AutoRefresh />}
      {receipt.hold && <HoldNotice reasons={receipt.hold.reasons} reviewBy={receipt.hold.reviewBy} />}
      {!final && !receipt.hold && (
        <div role="status" className="notice notice-done">
          <p>
            {isPaid(receipt.status)
              ? "Your keys are on their way. This page updates by itself."
              : "Waiting for your payment to be confirmed. This page updates by itself."}{" "}
            <a href={here}>Check again</a>
          </p>
        </div>
      )}
      <section aria-labelledby="receipt-lines">
        <h2 id="receipt-lines">Games and keys</h2>
        <p className="hint">Revealing marks the key as seen.</p>
        <ul className="receipt-lines" aria-label="Games in this order">
          {receipt.lines.map((line) => (
            <Line key={line.lineId} line={line} orderStatus={receipt.status} reveal={reveal} refund={refund} claim={claim} credential={credential} />
          ))}
        </ul>
        <p className="cart-total">
          <span>Total</span> <strong data-testid="receipt-total">{formatMoney(receipt.total)}</strong>
        </p>
      </section>
      <section aria-labelledby="receipt-history">
        <h2 id="receipt-history">History</h2>
        <OrderTimeline steps={receipt.timeline} />
      </section>
    </div>
  );
}

function Line({
  line,
  orderStatus,
  reveal,
  refund,
  claim,
  credential,
}: { line: ReceiptLine; orderStatus: string } & Pick<Props, "reveal" | "refund" | "claim" | "credential">) {
  const waiting = line.quantity - line.keys.length;
  return (
    <li className="receipt-line">
      <h3 className="cart-title">
        <Link href={`/product/${line.slug}`}>{line.title}</Link>
      </h3>
      <p>
        {line.quantity} × {formatMoney(line.unitPrice)} = <strong>{formatMoney(line.lineTotal)}</strong> ·{" "}
        {lineStatusText(line.status, orderStatus)}
      </p>
      {line.refundableUntil && (
        <div className="notice notice-warn" data-testid="refund-offer">
          <p>
            Changed your mind? Until {formatDate(line.refundableUntil)} you can get your money back to PayPal in one click, as long as
            you have not revealed the key. <strong>Revealing a key ends one-click refunds.</strong>
          </p>
          <ActionForm
            action={refund}
            label={`Refund ${line.title}`}
            submit="Refund to PayPal"
            fields={[]}
            hidden={{ ...credential, lineId: line.lineId }}
          />
        </div>
      )}
      {line.keys.length > 0 && (
        <ul className="receipt-keys" aria-label={`Keys for ${line.title}`}>
          {line.keys.map((key, i) => {
            const label = line.keys.length > 1 ? `key ${i + 1} for ${line.title}` : `key for ${line.title}`;
            return (
              <li key={key.keyId}>
                {key.replacesKeyId && <p className="hint">Replacement for the key that did not work</p>}
                <KeyReveal
                  action={reveal}
                  hidden={{ ...credential, keyId: key.keyId }}
                  label={label}
                  seen={key.revealedAt && formatDateTime(key.revealedAt)}
                  warning={line.refundableUntil && revealWarning}
                />
                {key.claim ? (
                  <ClaimNotice claim={key.claim} />
                ) : (
                  key.revealedAt &&
                  line.status === "fulfilled" && <ClaimForm action={claim} hidden={{ ...credential, keyId: key.keyId }} label={label} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {waiting > 0 && !isFinal(orderStatus) && isPaid(orderStatus) && (
        <p className="hint">{waiting === 1 ? "1 key is on its way." : `${waiting} keys are on their way.`}</p>
      )}
    </li>
  );
}

const revealWarning =
  "Revealing this key ends one-click refunds for this game. After that, if the key does not work, tell us here and we will replace or refund it.";

// Where the shopper's claim on a key stands, in their words; a refusal says why.
function ClaimNotice({ claim }: { claim: ReceiptClaim }) {
  const said = `You told us: ${claimReasonText(claim.reason).toLowerCase()} (${formatDate(claim.openedAt)}).`;
  const answer: Record<string, string> = {
    open: "We are looking into it and will answer by email and on this page.",
    replaced: "We replaced it: your new key is listed with this game.",
    refunded: "We refunded this game to your PayPal account.",
    rejected: `We could not accept the claim: ${claim.note ?? ""}`,
  };
  return (
    <p role="status" className={claim.status === "rejected" ? "notice notice-warn" : "notice notice-done"} data-testid="claim-status">
      {said} {answer[claim.status] ?? answer.open}
    </p>
  );
}
