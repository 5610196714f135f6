"use server";

import { revalidatePath } from "next/cache";
import { maxUploadBytes, type StockUploadReport } from "@/lib/admin/inventory-types";
import { uploadStock } from "@/lib/bff/admin-inventory";
import { problemState } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

export type UploadState = FormState & { report?: StockUploadReport };

export async function uploadStockAction(_: UploadState, form: FormData): Promise<UploadState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose a CSV file." };
  if (file.size > maxUploadBytes) return { status: "error", message: `The file is larger than ${maxUploadBytes / 1024} KiB; split it.` };
  try {
    const report = await uploadStock(file.name || "upload.csv", await file.arrayBuffer());
    revalidatePath("/admin/inventory");
    return { status: "done", message: `${report.added} of ${report.rows} keys added.`, report };
  } catch (error) {
    return problemState(error, form);
  }
}
