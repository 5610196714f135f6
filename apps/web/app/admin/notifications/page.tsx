import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { resendNotificationAction } from "@/components/admin/claim-actions";
import { when } from "@/components/admin/format";
import { ActionForm } from "@/components/forms/action-form";
import { getUndeliveredNotifications } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<{ done?: string }> };

// Telegram alerts, report rows and mails that did not go out: still being retried (pending) or given up (dead), with a
// resend that starts their retries again.
export default async function NotificationsPage({ searchParams }: Props) {
  const { done } = await searchParams;
  const undelivered = await getUndeliveredNotifications();
  return (
    <>
      <AdminNav current="/admin/notifications" />
      <h1>Undelivered notifications</h1>
      {done === "resent" && (
        <p role="status" className="notice notice-done">
          Sent again: it leaves this list once delivered.
        </p>
      )}
      {undelivered.length === 0 ? (
        <p className="empty">Every notification went out.</p>
      ) : (
        <AdminTable head={["When", "Channel", "Event", "Error", "Attempts", "Status", ""]}>
          {undelivered.map((n) => (
            <tr key={n.id} data-notification={n.id}>
              <td>{when(n.createdAt)}</td>
              <td>{n.channel}</td>
              <td>{n.summary}</td>
              <td>{n.lastError ?? "—"}</td>
              <td>{n.attempts}</td>
              <td>
                {n.status}
                {n.status === "pending" && <div className="count">next try {when(n.nextAttemptAt)}</div>}
              </td>
              <td>
                <ActionForm action={resendNotificationAction} fields={[]} submit="Resend" hidden={{ id: String(n.id) }} inline label={`Resend ${n.summary}`} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </>
  );
}
