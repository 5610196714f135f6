import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { when } from "@/components/admin/format";
import { Pager } from "@/components/admin/pager";
import { changeAdminRoleAction } from "@/components/admin/user-actions";
import { ActionForm } from "@/components/forms/action-form";
import { getAdminUsers } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

// Accounts, newest first, and who of them is admin; each role change is audited.
export default async function UsersPage({ searchParams }: Props) {
  const params = await searchParams;
  const page = await getAdminUsers(params);
  return (
    <>
      <AdminNav current="/admin/users" />
      <h1>Users</h1>
      <form className="admin-filters" method="get" role="search" aria-label="Find a user">
        <label>
          Email
          <input name="email" type="search" defaultValue={params.email} maxLength={254} />
        </label>
        <button type="submit">Find</button>
      </form>
      {page.items.length === 0 ? (
        <p className="empty">No account matches.</p>
      ) : (
        <AdminTable head={["Email", "Name", "Roles", "Email confirmed", "Signed up", "Admin role"]}>
          {page.items.map((u) => {
            const admin = u.roles.includes("admin");
            return (
              <tr key={u.id} data-user={u.email}>
                <td>{u.email}</td>
                <td>{u.displayName}</td>
                <td>{u.roles.join(", ")}</td>
                <td>{u.emailVerified ? "yes" : "no"}</td>
                <td>{when(u.createdAt)}</td>
                <td>
                  <ActionForm
                    action={changeAdminRoleAction}
                    fields={[]}
                    submit={admin ? "Remove admin" : "Make admin"}
                    hidden={{ id: u.id, admin: String(!admin) }}
                    inline
                    label={`Admin role of ${u.email}`}
                  />
                </td>
              </tr>
            );
          })}
        </AdminTable>
      )}
      <Pager base="/admin/users" params={params} page={Number(params.page) || 1} pageSize={20} total={page.total} />
    </>
  );
}
