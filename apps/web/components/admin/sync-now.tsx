"use client";

import { useEffect, useState } from "react";
import type { SyncStatus } from "@/lib/admin/supplier-types";
import { syncSupplierAction } from "./supplier-actions";

type Watch = { after: number; status: SyncStatus | null };

async function progressOf(code: string): Promise<SyncStatus | null> {
  // Through this origin's /api proxy, with the admin's session cookie.
  const response = await fetch("/api/admin/suppliers/sync-progress", { cache: "no-store" });
  if (!response.ok) throw new Error(`progress answered ${response.status}`);
  return ((await response.json()) as SyncStatus[]).find((s) => s.supplier === code) ?? null;
}

// "Sync now": queues a full sync, then polls its progress until the run ends. A full run is measured against the
// offers the last one read; it shows 100 % only once the run has finished, and its error if it failed.
export function SyncNow({ code }: { code: string }) {
  const [watch, setWatch] = useState<Watch | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const ours = watch?.status && watch.status.runId > watch.after ? watch.status : null;
  const done = ours != null && !ours.running;

  useEffect(() => {
    if (!watch || done) return;
    const timer = setInterval(async () => {
      try {
        const status = await progressOf(code);
        setWatch((w) => (w ? { ...w, status } : w));
      } catch (error) {
        setFailure(String(error));
      }
    }, 500);
    return () => clearInterval(timer);
  }, [watch, done, code]);

  async function start() {
    setFailure(null);
    const before = await progressOf(code);
    setWatch({ after: before?.runId ?? 0, status: before });
    await syncSupplierAction(code);
  }

  const max = ours?.expected && ours.expected > 0 ? Math.max(ours.expected, ours.offers) : null;
  const percent = done ? 100 : ours && max ? Math.min(99, Math.floor((ours.offers / max) * 100)) : 0;
  return (
    <div className="sync-now">
      <button type="button" onClick={start} disabled={watch != null && !done}>
        Sync now
      </button>
      {watch && (
        <>
          <progress aria-label={`Sync progress of ${code}`} max={100} value={done ? 100 : ours && max ? percent : undefined} />
          <span role="status" data-testid={`sync-${code}`}>
            {!ours
              ? "Queued…"
              : ours.running
                ? `${ours.offers} offers read${max ? ` (${percent} %)` : ""}…`
                : ours.error
                  ? `Failed: ${ours.error}`
                  : `Done: ${ours.offers} offers (100 %)`}
          </span>
        </>
      )}
      {failure && <span role="alert">{failure}</span>}
    </div>
  );
}
