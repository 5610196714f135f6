"use server";

import { revalidatePath } from "next/cache";
import { switchSupplier, syncSupplier } from "@/lib/bff/admin-suppliers";
import { text } from "@/lib/forms/problem";

export async function switchSupplierAction(form: FormData): Promise<void> {
  await switchSupplier(text(form, "code"), text(form, "enabled") === "true");
  revalidatePath("/admin/suppliers");
}

export async function syncSupplierAction(code: string): Promise<void> {
  await syncSupplier(code);
}
