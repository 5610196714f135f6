// Wire types of the BFF's own-stock inventory (apps/Contracts/Admin/StockInventory.cs), named from the types generated
// from the BFF's OpenAPI document (schema.ts, `npm run types`).
import type { components } from "../bff/schema";

type Schemas = components["schemas"];

export type StockCount = Schemas["StockCount"];
export type StockInventory = Schemas["StockInventory"];
export type StockUploadRow = Schemas["StockUploadRow"];
export type StockUploadReport = Schemas["StockUploadReport"];

// The largest CSV the BFF takes (StockUpload.MaxBytes).
export const maxUploadBytes = 512 * 1024;
