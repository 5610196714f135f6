import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fulfilLineAction, refundAction, resendKeysAction, revealKeyAction, reviewAction } from "@/components/admin/actions";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { money, when } from "@/components/admin/format";
import { ActionForm } from "@/components/forms/action-form";
import { KeyReveal } from "@/components/receipt/key-reveal";
import { getAdminOrder } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const outcomes: Record<string, string> = {
  "refund-line": "The line is refunded.",
  "refund-order": "The order is refunded.",
  approve: "Approved: the payment is being taken.",
  deny: "Denied: the payment is released.",
  resend: "The receipt mail with the keys is on its way again.",
  fulfil: "The line is fulfilled with the pasted key(s).",
};

const refundable = (status: string) => status === "completed" || status === "partially_refunded";
const finished = (status: string) => refundable(status) || status === "refunded";
const paidAndOpen = (status: string) => status === "paid" || status === "fulfilling";
// As the store decides: a line still waiting for keys of a paid order, or a failed line not refunded.
const takesKeys = (line: string, order: string) =>
  (line === "pending" && paidAndOpen(order)) || (line === "failed" && (paidAndOpen(order) || order === "failed"));

// One order for staff: what was bought, paid and refunded, every step, and where each key came from (never the key).
export default async function AdminOrderPage({ params, searchParams }: Props) {
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const detail = await getAdminOrder(id);
  if (!detail) notFound();
  const { order, lines, payment, refunds, timeline, keys } = detail;
  const canRefund = refundable(order.status);
  return (
    <>
      <AdminNav current="/admin/orders" />
      <p>
        <Link href="/admin/orders">← Orders</Link>
      </p>
      <h1>Order {order.number}</h1>
      {done && outcomes[done] && (
        <p role="status" className="notice notice-done">
          {outcomes[done]}
        </p>
      )}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status-${order.status}`} data-testid="order-status">
            {order.status}
          </span>
          {order.statusReason && <> · {order.statusReason}</>}
        </dd>
        <dt>Customer</dt>
        <dd>{order.email}</dd>
        <dt>Placed</dt>
        <dd>{when(order.createdAt)}</dd>
        <dt>Total</dt>
        <dd>{money(order.total, order.currency)}</dd>
        {order.reviewBy && (
          <>
            <dt>Review by</dt>
            <dd>{when(order.reviewBy)}</dd>
          </>
        )}
      </dl>

      {order.status === "held" && (
        <section aria-labelledby="review" className="admin-section">
          <h2 id="review">Review</h2>
          <div className="admin-actions">
            <ActionForm action={reviewAction} fields={[]} submit="Approve and charge" hidden={{ orderId: order.id, decision: "approve" }} inline />
            <ActionForm action={reviewAction} fields={[]} submit="Deny and release" hidden={{ orderId: order.id, decision: "deny" }} inline />
          </div>
        </section>
      )}

      <section aria-labelledby="lines" className="admin-section">
        <h2 id="lines">Lines</h2>
        <AdminTable head={["Game", "Qty", "Price", "Status", "Action"]}>
          {lines.map((l) => (
            <tr key={l.lineId} data-line={l.lineId}>
              <td>
                {l.title}
                {l.error && <div className="count">{l.error}</div>}
              </td>
              <td>{l.quantity}</td>
              <td>{money(l.unitPrice, order.currency)}</td>
              <td>{l.status}</td>
              <td>
                {canRefund && l.status === "fulfilled" && (
                  <ActionForm action={refundAction} fields={[]} submit="Refund line" hidden={{ orderId: order.id, lineId: String(l.lineId) }} inline label={`Refund ${l.title}`} />
                )}
                {takesKeys(l.status, order.status) && (
                  <ActionForm
                    action={fulfilLineAction}
                    fields={Array.from({ length: l.quantity - keys.filter((k) => k.lineId === l.lineId && k.status === "sold").length }, (_, i) => ({
                      name: `key${i + 1}`,
                      label: `Key ${i + 1}`,
                      required: true,
                      maxLength: 2000,
                      autoComplete: "off",
                    }))}
                    submit="Fulfil by hand"
                    hidden={{ orderId: order.id, lineId: String(l.lineId) }}
                    label={`Fulfil ${l.title} by hand`}
                  />
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
        {canRefund && lines.filter((l) => l.status === "fulfilled").length > 1 && (
          <ActionForm action={refundAction} fields={[]} submit="Refund every delivered line" hidden={{ orderId: order.id }} inline />
        )}
      </section>

      <section aria-labelledby="payment" className="admin-section">
        <h2 id="payment">Payment</h2>
        {payment ? (
          <dl className="facts">
            <dt>Status</dt>
            <dd>{payment.status}</dd>
            <dt>Amount</dt>
            <dd>{money(payment.amount, payment.currency)}</dd>
            <dt>Refunded</dt>
            <dd data-testid="refunded-amount">{money(payment.refundedAmount, payment.currency)}</dd>
            <dt>PayPal order</dt>
            <dd>{payment.providerOrderId ?? "—"}</dd>
            <dt>Capture</dt>
            <dd>{payment.captureId ?? (payment.authorizationId ? `authorised ${payment.authorizationId}` : "—")}</dd>
            <dt>Captured</dt>
            <dd>{when(payment.capturedAt)}</dd>
          </dl>
        ) : (
          <p>No payment yet.</p>
        )}
        {refunds.length > 0 && (
          <ul>
            {refunds.map((r) => (
              <li key={r.refundId}>
                {when(r.at)}: {money(r.amount, r.currency)} refunded ({r.refundId}, lines {r.lineIds.join(", ") || "—"})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="keys" className="admin-section">
        <h2 id="keys">Keys</h2>
        {finished(order.status) && (
          <ActionForm action={resendKeysAction} fields={[]} submit="Resend keys" hidden={{ orderId: order.id }} inline label="Resend the receipt mail" />
        )}
        {keys.length === 0 ? (
          <p>No key delivered.</p>
        ) : (
          <AdminTable head={["Key", "Line", "From", "Supplier order", "Cost", "Bought", "Revealed", "Status", "Show"]}>
            {keys.map((k) => (
              <tr key={k.keyId}>
                <td>#{k.keyId}</td>
                <td>{k.lineId}</td>
                <td>{k.supplier ?? k.source}</td>
                <td>{k.supplierOrderId ?? "—"}</td>
                <td>{money(k.unitCost, k.costCurrency)}</td>
                <td>{when(k.boughtAt ?? k.deliveredAt)}</td>
                <td>{when(k.revealedAt)}</td>
                <td>{k.status}</td>
                <td>
                  {k.status === "sold" && (
                    <KeyReveal action={revealKeyAction} hidden={{ orderId: order.id, keyId: String(k.keyId) }} label={`key #${k.keyId}`} seen={null} warning={null} />
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>

      <section aria-labelledby="timeline" className="admin-section">
        <h2 id="timeline">Timeline</h2>
        <ol className="admin-timeline">
          {timeline.map((s, i) => (
            <li key={i}>
              <time dateTime={s.at}>{when(s.at)}</time> <strong>{s.step}</strong>
              {s.note && <> · {s.note}</>}
            </li>
          ))}
        </ol>
        <p>
          <Link href={`/admin/audit?targetId=${order.id}`}>Staff actions on this order</Link>
        </p>
      </section>
    </>
  );
}
