import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { resolveClaimAction } from "@/components/admin/claim-actions";
import { when } from "@/components/admin/format";
import { ActionForm } from "@/components/forms/action-form";
import { claimStatuses, getClaims } from "@/lib/bff/admin";
import { claimReasonText } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Claims" };

type Props = { searchParams: Promise<{ status?: string; done?: string }> };

const outcomes: Record<string, string> = {
  replaced: "Replaced: the buyer has a new key beside the old one.",
  pending: "A replacement is bought and still on its way from the supplier: press Replace again in a minute.",
  refunded: "Refunded: the line's money is on its way back to the buyer's PayPal.",
  rejected: "Rejected: the buyer reads your reason on the receipt and in a mail.",
};

// Buyers' claims on revealed keys that do not work, oldest first: replace the key (own stock, else another supplier),
// refund the line, or reject with a reason.
export default async function ClaimsPage({ searchParams }: Props) {
  const { status, done } = await searchParams;
  const shown = claimStatuses.find((s) => s === status) ?? "open";
  const claims = await getClaims(shown);
  return (
    <>
      <AdminNav current="/admin/claims" />
      <h1>Claims</h1>
      {done && outcomes[done] && (
        <p role="status" className="notice notice-done">
          {outcomes[done]}
        </p>
      )}
      <form className="admin-filters" method="get" role="search" aria-label="Filter the claims">
        <label>
          Status
          <select name="status" defaultValue={shown}>
            {claimStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      {claims.length === 0 ? (
        <p className="empty">No {shown} claims.</p>
      ) : (
        <AdminTable head={["Opened", "Order", "Game", "Key from", "What happened", "Status", "Resolve"]}>
          {claims.map((c) => (
            <tr key={c.claimId} data-claim={c.claimId}>
              <td>{when(c.openedAt)}</td>
              <td>
                <Link href={`/admin/orders/${c.orderId}`}>{c.orderNumber}</Link>
              </td>
              <td>
                {c.title} <span className="count">key #{c.keyId}</span>
              </td>
              <td>{c.supplier ?? "own stock"}</td>
              <td>
                {claimReasonText(c.reason)}
                {c.message && <blockquote className="claim-message">{c.message}</blockquote>}
              </td>
              <td>
                {c.status}
                {c.replacementKeyId && <div className="count">new key #{c.replacementKeyId}</div>}
                {c.resolutionNote && <div className="count">{c.resolutionNote}</div>}
              </td>
              <td>
                {c.status === "open" && (
                  <div className="admin-actions">
                    <ActionForm action={resolveClaimAction} fields={[]} submit="Replace the key" hidden={{ claimId: String(c.claimId), resolution: "replace" }} inline label={`Replace the key of claim ${c.claimId}`} />
                    <ActionForm action={resolveClaimAction} fields={[]} submit="Refund the line" hidden={{ claimId: String(c.claimId), resolution: "refund" }} inline label={`Refund claim ${c.claimId}`} />
                    <ActionForm
                      action={resolveClaimAction}
                      fields={[{ name: "note", label: "Reason for the buyer", required: true, maxLength: 500 }]}
                      submit="Reject"
                      hidden={{ claimId: String(c.claimId), resolution: "reject" }}
                      label={`Reject claim ${c.claimId}`}
                    />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </>
  );
}
