import "server-only";
import type { AdminOrder, AdminOrderPage, AuditPage, SalesReport } from "@/lib/admin/types";
import { signedInWrite } from "./account";
import { bff, orNull } from "./request";

// The admin area's reads and writes; the BFF answers 404 to anyone without the admin role.

// Only the filters the BFF knows are passed on, and only when set.
function query(params: Record<string, string | undefined>, names: readonly string[]): string {
  const search = new URLSearchParams();
  for (const name of names) {
    const value = params[name]?.trim();
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const orderFilters = ["status", "from", "to", "supplier", "email", "minTotal", "maxTotal", "page"] as const;
export const auditFilters = ["actor", "action", "targetId", "from", "to", "page"] as const;
export const reportRange = ["from", "to"] as const;

export const getAdminOrders = (params: Record<string, string | undefined>) =>
  bff<AdminOrderPage>(`/admin/orders${query(params, orderFilters)}`, { shopper: "page" });

export const getAdminOrder = (id: string) => orNull(bff<AdminOrder>(`/admin/orders/${encodeURIComponent(id)}`, { shopper: "page" }), 404);

export const getAudit = (params: Record<string, string | undefined>) =>
  bff<AuditPage>(`/admin/audit${query(params, auditFilters)}`, { shopper: "page" });

// The kernel answers a range it refuses (reversed, too long) with a 400 naming the field.
export const getSalesReport = (params: Record<string, string | undefined>) =>
  bff<SalesReport>(`/admin/analytics${query(params, reportRange)}`, { shopper: "page" });

export const refundOrder = (id: string, lineIds: number[]) =>
  signedInWrite<AdminOrder>("POST", `/admin/orders/${encodeURIComponent(id)}/refund`, { lineIds });

export const reviewOrder = (id: string, decision: "approve" | "deny") =>
  signedInWrite<void>("POST", `/admin/orders/${encodeURIComponent(id)}/${decision}`);
