// Wire types of the BFF's suppliers page (apps/Contracts/Admin/AdminSuppliers.cs, SupplierScores.cs, Catalog/SupplierHealth.cs,
// SyncStatus.cs), named from the types generated from the BFF's OpenAPI document (schema.ts, `npm run types`).
import type { components } from "../bff/schema";

type Schemas = components["schemas"];

export type RegisteredSupplier = Schemas["RegisteredSupplier"];
export type SupplierHealth = Schemas["SupplierHealth"];
export type SupplierScore = Schemas["SupplierScore"];
export type AdminSupplier = Schemas["AdminSupplier"];
export type SyncStatus = Schemas["SyncStatus"];
