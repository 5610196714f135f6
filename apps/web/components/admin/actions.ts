"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as admin from "@/lib/bff/admin";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

// Admin writes: server actions (same-origin POSTs) that send the session's CSRF token; the BFF checks the role.

export async function refundAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, "orderId");
  const line = text(form, "lineId");
  try {
    await admin.refundOrder(orderId, line ? [Number(line)] : []);
  } catch (error) {
    return problemState(error, form);
  }
  done(orderId, line ? "refund-line" : "refund-order");
}

export async function reviewAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, "orderId");
  const decision = text(form, "decision") === "approve" ? "approve" : "deny";
  try {
    await admin.reviewOrder(orderId, decision);
  } catch (error) {
    return problemState(error, form);
  }
  done(orderId, decision);
}

// The button that was pressed may be gone from the page now (a refunded line has none), so the outcome is shown by the
// order's page, named in its address.
function done(orderId: string, outcome: string): never {
  const path = `/admin/orders/${encodeURIComponent(orderId)}`;
  revalidatePath(path);
  redirect(`${path}?done=${outcome}`);
}
