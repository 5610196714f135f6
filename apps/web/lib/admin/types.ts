// Wire types of the BFF's admin API (apps/Contracts/Admin, passed on by apps/Bff/Features/Admin). Times are UTC ISO strings.
import type { components } from "../bff/schema";

type Schemas = components["schemas"];

export type AdminOrderSummary = {
  id: string;
  number: string;
  email: string;
  status: string;
  currency: string;
  total: number;
  createdAt: string;
};

export type AdminOrderPage = { items: AdminOrderSummary[]; total: number };

export type AdminOrderLine = {
  lineId: number;
  title: string;
  slug: string;
  quantity: number;
  unitPrice: number;
  status: string;
  error: string | null;
};

export type AdminPayment = {
  providerOrderId: string | null;
  captureId: string | null;
  authorizationId: string | null;
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  createdAt: string;
  capturedAt: string | null;
};

export type AdminRefund = { refundId: string; amount: number; currency: string; lineIds: number[]; at: string };

export type AdminOrderStep = { step: string; note: string | null; at: string };

export type AdminKeyProvenance = {
  keyId: number;
  lineId: number;
  source: string;
  supplier: string | null;
  supplierOrderId: string | null;
  unitCost: number | null;
  costCurrency: string | null;
  boughtAt: string | null;
  deliveredAt: string;
  revealedAt: string | null;
  status: string;
};

export type AdminOrder = {
  order: {
    id: string;
    number: string;
    userId: string | null;
    email: string;
    status: string;
    statusReason: string | null;
    currency: string;
    total: number;
    createdAt: string;
    reviewBy: string | null;
  };
  lines: AdminOrderLine[];
  payment: AdminPayment | null;
  refunds: AdminRefund[];
  timeline: AdminOrderStep[];
  keys: AdminKeyProvenance[];
};

export type AuditEntry = {
  id: number;
  actorId: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  at: string;
};

export type AuditPage = { items: AuditEntry[]; total: number; actions: string[] };

// A buyer's claim on a key that does not work (apps/Contracts/Orders/KeyClaims.cs); supplier: who delivered the key (none: own stock).
export type AdminClaim = {
  claimId: number;
  orderId: string;
  orderNumber: string;
  lineId: number;
  title: string;
  keyId: number;
  supplier: string | null;
  reason: string;
  message: string;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
  replacementKeyId: number | null;
};

// An alert, report row or mail that did not go out (apps/Contracts/Notifications).
export type UndeliveredNotification = {
  id: number;
  channel: string;
  eventId: string;
  summary: string;
  attempts: number;
  lastError: string | null;
  status: string;
  createdAt: string;
  nextAttemptAt: string;
};

// Settings and the sales report come from the BFF's OpenAPI document (schema.ts, `npm run types`); the rest are still
// written by hand. Amounts in the sales report are in the store currency, days in the report's time zone.
export type SystemSettings = Schemas["SystemSettings"];
export type MarginRule = Schemas["MarginRule"];
export type CurrencyRate = Schemas["CurrencyRateSetting"];
export type SettingsView = Schemas["SettingsView"];
export type SalesDay = Schemas["SalesDay"];
export type SupplierSales = Schemas["SupplierSales"];
export type TopProduct = Schemas["TopProduct"];
export type SalesFunnel = Schemas["SalesFunnel"];
export type SalesReport = Schemas["SalesReport"];

export type AdminUser = {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  lockedUntil: string | null;
  emailVerified: boolean;
  createdAt: string;
};

export type AdminUserPage = { items: AdminUser[]; total: number };
