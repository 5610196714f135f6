"use client";

import { useActionState } from "react";
import { uploadStockAction, type UploadState } from "./inventory-actions";
import { FormSummary } from "@/components/forms/form-summary";
import { AdminTable } from "./admin-table";

const outcomes: Record<string, string> = {
  added: "Added",
  "bad-format": "Bad format",
  "product-not-found": "Product not found",
  "duplicate-in-file": "Duplicate in file",
  "already-stored": "Already stored",
};

// The CSV upload and its report: every row by its line in the file, what became of it and why.
export function StockUpload() {
  const [state, action, pending] = useActionState<UploadState, FormData>(uploadStockAction, { status: "idle" });
  return (
    <section className="admin-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload keys</h2>
      <p>
        A CSV in UTF-8 with the header <code>product,key</code>: the product&apos;s slug and one key a row. At most 5,000 rows and
        512 KiB.
      </p>
      <form action={action} className="admin-actions">
        <label>
          CSV file <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? "Uploading…" : "Upload"}
        </button>
      </form>
      <FormSummary state={state} />
      {state.report && (
        <AdminTable head={["Line", "Product", "Outcome", "Why"]}>
          {state.report.lines.map((row) => (
            <tr key={row.line} data-outcome={row.outcome}>
              <td>{row.line}</td>
              <td>{row.product}</td>
              <td>{outcomes[row.outcome] ?? row.outcome}</td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
