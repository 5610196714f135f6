import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { ChoiceFilter, FilterForm } from "@/components/admin/filter-form";
import { money, when } from "@/components/admin/format";
import { Pager } from "@/components/admin/pager";
import { getAdminOrders } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "Orders" };

const statuses = ["pending", "reserved", "awaiting_payment", "held", "paid", "fulfilling", "completed", "partially_refunded", "refunded", "expired", "cancelled", "failed"];

type Props = { searchParams: Promise<Record<string, string | undefined>> };

// Orders newest first, found by status, date, supplier, email or amount.
export default async function AdminOrdersPage({ searchParams }: Props) {
  const params = await searchParams;
  const page = await getAdminOrders(params);
  return (
    <>
      <AdminNav current="/admin/orders" />
      <h1>Orders</h1>
      <FilterForm label="Filter orders" params={params}>
        <ChoiceFilter label="Status" name="status" choices={statuses} value={params.status} />
        <label>
          Customer email
          <input name="email" type="search" defaultValue={params.email} maxLength={254} />
        </label>
        <label>
          Supplier
          <input name="supplier" defaultValue={params.supplier} maxLength={32} />
        </label>
        <label>
          Min total
          <input name="minTotal" type="number" min={0} step="0.01" defaultValue={params.minTotal} />
        </label>
        <label>
          Max total
          <input name="maxTotal" type="number" min={0} step="0.01" defaultValue={params.maxTotal} />
        </label>
      </FilterForm>
      {page.items.length === 0 ? (
        <p className="empty">No order matches these filters.</p>
      ) : (
        <AdminTable head={["Order", "Placed", "Customer", "Status", "Total"]}>
          {page.items.map((o) => (
            <tr key={o.id}>
              <td>
                <Link href={`/admin/orders/${o.id}`}>{o.number}</Link>
              </td>
              <td>{when(o.createdAt)}</td>
              <td>{o.email}</td>
              <td>
                <span className={`status status-${o.status}`}>{o.status}</span>
              </td>
              <td>{money(o.total, o.currency)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pager base="/admin/orders" params={params} page={Number(params.page) || 1} pageSize={25} total={page.total} />
    </>
  );
}
