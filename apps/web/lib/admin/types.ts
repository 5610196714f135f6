// Wire types of the BFF's admin API (apps/Contracts/Admin, passed on by apps/Bff/Features/Admin), named from the types
// generated from the BFF's OpenAPI document (schema.ts, `npm run types`). Times are UTC ISO strings; amounts in the sales
// report are in the store currency, days in the report's time zone.
import type { components } from "../bff/schema";

type Schemas = components["schemas"];

export type AdminOrderSummary = Schemas["AdminOrderSummary"];
export type AdminOrderPage = Schemas["AdminOrderPage"];
export type AdminOrderLine = Schemas["AdminOrderLine"];
export type AdminPayment = Schemas["AdminPayment"];
export type AdminRefund = Schemas["AdminRefund"];
export type AdminOrderStep = Schemas["AdminOrderStep"];
export type AdminKeyProvenance = Schemas["AdminKeyProvenance"];
export type AdminOrder = Schemas["AdminOrder"];

export type AuditEntry = Schemas["RecordedAuditEntry"];
export type AuditPage = Schemas["AuditPage"];

// A buyer's claim on a key that does not work (apps/Contracts/Orders/KeyClaims.cs); supplier: who delivered the key (none: own stock).
export type AdminClaim = Schemas["KeyClaim"];

// An alert, report row or mail that did not go out (apps/Contracts/Notifications).
export type UndeliveredNotification = Schemas["UndeliveredNotification"];

export type SystemSettings = Schemas["SystemSettings"];
export type MarginRule = Schemas["MarginRule"];
export type CurrencyRate = Schemas["CurrencyRateSetting"];
export type SettingsView = Schemas["SettingsView"];
export type SalesDay = Schemas["SalesDay"];
export type SupplierSales = Schemas["SupplierSales"];
export type TopProduct = Schemas["TopProduct"];
export type SalesFunnel = Schemas["SalesFunnel"];
export type SalesReport = Schemas["SalesReport"];

export type AdminUser = Schemas["KernelUser"];
export type AdminUserPage = Schemas["KernelUserPage"];
