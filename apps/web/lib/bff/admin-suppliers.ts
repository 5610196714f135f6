import "server-only";
import type { AdminSupplier } from "@/lib/admin/supplier-types";
import { signedInWrite } from "./account";
import { bff } from "./request";

export const getSuppliers = () => bff<AdminSupplier[]>("/admin/suppliers", { shopper: "page" });

export const switchSupplier = (code: string, enabled: boolean) =>
  signedInWrite<void>("PUT", `/admin/suppliers/${encodeURIComponent(code)}/enabled`, { enabled });

export const syncSupplier = (code: string) => signedInWrite<void>("POST", `/admin/suppliers/${encodeURIComponent(code)}/sync`);
