import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { money, when } from "@/components/admin/format";
import { switchSupplierAction } from "@/components/admin/supplier-actions";
import { SyncNow } from "@/components/admin/sync-now";
import { getSuppliers } from "@/lib/bff/admin-suppliers";

export const metadata: Metadata = { title: "Suppliers" };

const percent = (rate: number | null | undefined) => (rate == null ? "—" : `${(rate * 100).toFixed(1)} %`);
const ms = (value: number | null | undefined) => (value == null ? "—" : `${value} ms`);
const seconds = (value: number | null | undefined) => (value == null ? "—" : `${value.toFixed(1)} s`);

// Each supplier: on or off, how its calls and purchases go, its circuit, balance and last sync, and a sync on demand; then
// the scoreboard fulfilment orders suppliers by, with whether it tries a supplier after the others.
export default async function SuppliersPage() {
  const suppliers = await getSuppliers();
  return (
    <>
      <AdminNav current="/admin/suppliers" />
      <h1>Suppliers</h1>
      <AdminTable head={["Supplier", "Buying", "Errors", "Latency p50 / p95", "Circuit", "Fill rate", "Balance", "Last sync", "Sync"]}>
        {suppliers.map(({ supplier: s, health: h }) => (
          <tr key={s.code} data-supplier={s.code}>
            <td>
              {s.name} <small>{s.code}</small>
              {!s.reachable && <div>unreachable</div>}
            </td>
            <td>
              <form action={switchSupplierAction}>
                <input type="hidden" name="code" value={s.code} />
                <input type="hidden" name="enabled" value={String(!s.enabled)} />
                {s.enabled ? "On" : "Off"}{" "}
                <button type="submit" aria-label={`${s.enabled ? "Disable" : "Enable"} ${s.name}`}>
                  {s.enabled ? "Disable" : "Enable"}
                </button>
              </form>
            </td>
            <td>{h ? `${percent(h.errorRate)} of ${h.calls}` : "—"}</td>
            <td>{h ? `${ms(h.p50Ms)} / ${ms(h.p95Ms)}` : "—"}</td>
            <td>{h?.circuit ?? "—"}</td>
            <td>{percent(h?.fillRate)}</td>
            <td>
              {money(h?.balance, h?.currency)}
              {h?.lowBalance && <strong> low</strong>}
            </td>
            <td>
              {when(h?.lastSuccessfulSync ?? s.lastFullSyncAt)}
              {h?.lastSyncError && <div>failed: {h.lastSyncError}</div>}
            </td>
            <td>
              <SyncNow code={s.code} />
            </td>
          </tr>
        ))}
      </AdminTable>
      <section className="admin-section" aria-labelledby="scoreboard-heading">
        <h2 id="scoreboard-heading">Scoreboard</h2>
        <AdminTable
          head={["Supplier", "Purchases", "Fill rate", "Median time to key", "Claims", "Claims per key", "Margin", "Fulfilment tries it"]}
        >
          {suppliers.map(({ supplier: s, score: c }) => (
            <tr key={s.code}>
              <td>{s.name}</td>
              <td>{c?.purchases ?? "—"}</td>
              <td>{percent(c?.fillRate)}</td>
              <td>{seconds(c?.medianSecondsToKey)}</td>
              <td>{c?.claims ?? "—"}</td>
              <td>{percent(c?.claimRate)}</td>
              <td>{percent(c?.margin)}</td>
              <td>{c == null ? "—" : c.triedLast ? "after the others (fill rate under the floor)" : "by price"}</td>
            </tr>
          ))}
        </AdminTable>
      </section>
    </>
  );
}
