import "server-only";
import type { StockInventory, StockUploadReport } from "@/lib/admin/inventory-types";
import { signedInWrite } from "./account";
import { bff } from "./request";

export const getInventory = () => bff<StockInventory>("/admin/inventory", { shopper: "page" });

// The file travels as its bytes (base64 in JSON), so the kernel judges its charset rather than a decoder here.
export const uploadStock = (fileName: string, bytes: ArrayBuffer) =>
  signedInWrite<StockUploadReport>("POST", "/admin/inventory/upload", { fileName, csv: Buffer.from(bytes).toString("base64") });
