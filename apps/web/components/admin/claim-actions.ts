"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { resolveClaim, resendNotification } from "@/lib/bff/admin";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

// Claims and undelivered notifications: server actions that send the session's CSRF token; the BFF checks the role and audits.

const resolutions = ["replace", "refund", "reject"] as const;

export async function resolveClaimAction(_: FormState, form: FormData): Promise<FormState> {
  const resolution = resolutions.find((r) => r === text(form, "resolution")) ?? "reject";
  let status: string;
  try {
    status = (await resolveClaim(text(form, "claimId"), resolution, text(form, "note"))).status;
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/admin/claims");
  // A replacement bought from a supplier may still be on its way: the claim stays open until it is delivered.
  redirect(`/admin/claims?done=${status === "open" ? "pending" : status}`);
}

export async function resendNotificationAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await resendNotification(text(form, "id"));
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/admin/notifications");
  redirect("/admin/notifications?done=resent");
}
