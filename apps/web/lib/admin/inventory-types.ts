// Wire types of the BFF's own-stock inventory (apps/Contracts/Admin/StockInventory.cs).

export type StockCount = { slug: string; title: string; available: number; reserved: number; sold: number; low: boolean };

export type StockInventory = { lowStockThreshold: number; products: StockCount[] };

export type StockUploadRow = { line: number; product: string; outcome: string; detail: string };

export type StockUploadReport = { rows: number; added: number; rejected: number; lines: StockUploadRow[] };

// The largest CSV the BFF takes (StockUpload.MaxBytes).
export const maxUploadBytes = 512 * 1024;
