"use server";

import { revalidatePath } from "next/cache";
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
  revalidatePath(`/admin/orders/${orderId}`);
  return { status: "done", message: line ? "The line is refunded." : "The order is refunded." };
}

export async function reviewAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, "orderId");
  const decision = text(form, "decision") === "approve" ? "approve" : "deny";
  try {
    await admin.reviewOrder(orderId, decision);
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath(`/admin/orders/${orderId}`);
  return { status: "done", message: decision === "approve" ? "Approved: the payment is being taken." : "Denied: the payment is released." };
}
