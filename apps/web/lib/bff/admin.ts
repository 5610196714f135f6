import "server-only";
import type {
  AdminClaim, AdminOrder, AdminOrderPage, AdminUser, AdminUserPage, AuditPage, CurrencyRate, MarginRule, SalesReport, SettingsView, SystemSettings,
  UndeliveredNotification,
} from "@/lib/admin/types";
import type { RevealedKey } from "@/lib/orders/types";
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

export const claimStatuses = ["open", "replaced", "refunded", "rejected"] as const;

export const getClaims = (status: string | undefined) =>
  bff<AdminClaim[]>(`/admin/claims${query({ status }, ["status"])}`, { shopper: "page" });

// Replace and refund go through checkout; a replacement still on its way from a supplier comes back open.
export const resolveClaim = (claimId: string, resolution: "replace" | "refund" | "reject", note?: string) =>
  signedInWrite<AdminClaim>("POST", `/admin/claims/${encodeURIComponent(claimId)}/${resolution}`, resolution === "reject" ? { note } : undefined);

export const getUndeliveredNotifications = () => bff<UndeliveredNotification[]>("/admin/notifications/undelivered", { shopper: "page" });

export const resendNotification = (id: string) => signedInWrite<void>("POST", `/admin/notifications/${encodeURIComponent(id)}/resend`);
// Recorded by the store as shown to this admin, so it is asked for only on a click.
export const revealAdminKey = (id: string, keyId: string) =>
  signedInWrite<RevealedKey>("POST", `/admin/orders/${encodeURIComponent(id)}/keys/${encodeURIComponent(keyId)}/reveal`);

export const resendKeys = (id: string) => signedInWrite<void>("POST", `/admin/orders/${encodeURIComponent(id)}/resend-keys`);

export const fulfilLine = (id: string, lineId: string, keys: string[]) =>
  signedInWrite<AdminOrder>("POST", `/admin/orders/${encodeURIComponent(id)}/lines/${encodeURIComponent(lineId)}/fulfil`, { keys });

export const getSettings = () => bff<SettingsView>("/admin/settings", { shopper: "page" });

export const saveSettings = (settings: SystemSettings, marginRules: MarginRule[]) =>
  signedInWrite<SettingsView>("PUT", "/admin/settings", { settings, marginRules });

export const saveRate = (currency: string, rateToStore: number) =>
  signedInWrite<CurrencyRate>("PUT", `/admin/settings/rates/${encodeURIComponent(currency)}`, { rateToStore });

export const userFilters = ["email", "page"] as const;

export const getAdminUsers = (params: Record<string, string | undefined>) =>
  bff<AdminUserPage>(`/admin/users${query(params, userFilters)}`, { shopper: "page" });

// The store refuses an admin's own role and the last admin's, and signs the user out so the change holds at once.
export const changeAdminRole = (id: string, admin: boolean) =>
  signedInWrite<AdminUser>("PUT", `/admin/users/${encodeURIComponent(id)}/admin-role`, { admin });
