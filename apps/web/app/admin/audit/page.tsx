import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { ChoiceFilter, FilterForm } from "@/components/admin/filter-form";
import { when } from "@/components/admin/format";
import { Pager } from "@/components/admin/pager";
import { getAudit } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "Audit" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const state = (value: unknown) => (value == null ? "—" : JSON.stringify(value));

// Who did what to which order, user, supplier or setting, newest first.
export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  const page = await getAudit(params);
  return (
    <>
      <AdminNav current="/admin/audit" />
      <h1>Audit</h1>
      <FilterForm label="Filter the audit" params={params}>
        <label>
          Staff email
          <input name="actor" type="search" defaultValue={params.actor} maxLength={254} />
        </label>
        <ChoiceFilter label="Action" name="action" choices={page.actions} value={params.action} />
        <label>
          Target id (order, user, supplier, setting)
          <input name="targetId" defaultValue={params.targetId} maxLength={100} />
        </label>
      </FilterForm>
      {page.items.length === 0 ? (
        <p className="empty">Nothing recorded for these filters.</p>
      ) : (
        <AdminTable head={["When", "Who", "Action", "Target", "Before", "After"]}>
          {page.items.map((e) => (
            <tr key={e.id}>
              <td>{when(e.at)}</td>
              <td>{e.actorEmail}</td>
              <td>{e.action}</td>
              <td>{e.targetType === "order" ? <Link href={`/admin/orders/${e.targetId}`}>order {e.targetId.slice(0, 8)}</Link> : `${e.targetType} ${e.targetId}`}</td>
              <td>
                <code className="audit-state">{state(e.before)}</code>
              </td>
              <td>
                <code className="audit-state">{state(e.after)}</code>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pager base="/admin/audit" params={params} page={Number(params.page) || 1} pageSize={50} total={page.total} />
    </>
  );
}
