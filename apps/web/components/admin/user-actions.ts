"use server";

import { revalidatePath } from "next/cache";
import { changeAdminRole } from "@/lib/bff/admin";
import { BffError } from "@/lib/bff/request";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

export async function changeAdminRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = text(form, "admin") === "true";
  try {
    await changeAdminRole(text(form, "id"), admin);
  } catch (error) {
    // The form has no field to mark: the store's reason (one's own role, the last admin) is the message.
    if (error instanceof BffError && error.status === 400 && error.problem.errors) {
      return { status: "error", message: Object.values(error.problem.errors).flat().join(" ") };
    }
    return problemState(error, form);
  }
  revalidatePath("/admin/users");
  return { status: "done", message: admin ? "Now an admin, from their next sign-in." : "No longer an admin; signed out everywhere." };
}
