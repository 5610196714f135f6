"use server";

import { revalidatePath } from "next/cache";
import { changeAdminRole } from "@/lib/bff/admin";
import { problemMessage, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

export async function changeAdminRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = text(form, "admin") === "true";
  try {
    await changeAdminRole(text(form, "id"), admin);
  } catch (error) {
    // The store's reason (one's own role, the last admin) is the message.
    return problemMessage(error, form);
  }
  revalidatePath("/admin/users");
  return { status: "done", message: admin ? "Now an admin, from their next sign-in." : "No longer an admin; signed out everywhere." };
}
