import Link from "next/link";

// Only what is built is listed.
const sections = [
  { href: "/admin/analytics", label: "Sales" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/admin/claims", label: "Claims" },
  { href: "/admin/notifications", label: "Notifications" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/suppliers", label: "Suppliers" },
  { href: "/admin/users", label: "Users" },
] as const;

export function AdminNav({ current }: { current: (typeof sections)[number]["href"] }) {
  return (
    <nav aria-label="Admin" className="admin-nav">
      <strong>Admin</strong>
      {sections.map((s) => (
        <Link key={s.href} href={s.href} aria-current={s.href === current ? "page" : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
