import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getProfile } from "@/lib/bff/account";

export const metadata: Metadata = { title: { default: "Admin", template: "%s | Admin | GamesDrop" }, robots: { index: false, follow: false } };

// To anyone but an admin the area does not exist, as the BFF's admin routes answer 404.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const profile = await getProfile();
  if (!profile?.roles.includes("admin")) notFound();
  return <div className="admin">{children}</div>;
}
