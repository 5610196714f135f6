import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { StockUpload } from "@/components/admin/stock-upload";
import { getInventory } from "@/lib/bff/admin-inventory";

export const metadata: Metadata = { title: "Inventory" };

// Own-stock keys per product, the emptiest first, and the CSV upload that refills them.
export default async function InventoryPage() {
  const inventory = await getInventory();
  return (
    <>
      <AdminNav current="/admin/inventory" />
      <h1>Inventory</h1>
      <StockUpload />
      <section className="admin-section" aria-labelledby="stock-heading">
        <h2 id="stock-heading">Own stock</h2>
        <p>Low at {inventory.lowStockThreshold} keys available or fewer.</p>
        {inventory.products.length === 0 ? (
          <p className="empty">No own-stock keys yet.</p>
        ) : (
          <AdminTable head={["Product", "Available", "Reserved", "Sold", ""]}>
            {inventory.products.map((p) => (
              <tr key={p.slug}>
                <td>
                  {p.title} <small>{p.slug}</small>
                </td>
                <td>{p.available}</td>
                <td>{p.reserved}</td>
                <td>{p.sold}</td>
                <td>{p.low ? <strong>Low</strong> : ""}</td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
    </>
  );
}
