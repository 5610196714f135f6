"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as admin from "@/lib/bff/admin";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";
import type { RevealState } from "@/lib/orders/types";

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

// The key is shown in the form's state only: never in the page's HTML, a cache or an address.
export async function revealKeyAction(_: RevealState, form: FormData): Promise<RevealState> {
  try {
    return { status: "shown", key: await admin.revealAdminKey(text(form, "orderId"), text(form, "keyId")) };
  } catch (error) {
    const state = problemState(error, form);
    return { status: "error", message: state.message ?? "The key could not be shown." };
  }
}

export async function resendKeysAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, "orderId");
  try {
    await admin.resendKeys(orderId);
  } catch (error) {
    return problemState(error, form);
  }
  done(orderId, "resend");
}

// One field per key the line lacks (key1, key2, ...), sent in that order.
export async function fulfilLineAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, "orderId");
  const keys = [...form.keys()].filter((name) => /^key\d+$/.test(name)).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  try {
    await admin.fulfilLine(orderId, text(form, "lineId"), keys.map((name) => text(form, name)));
  } catch (error) {
    const state = problemState(error, form);
    // The BFF names the keys as one field; the form shows that beside the first key.
    return state.fieldErrors?.keys ? { ...state, fieldErrors: { key1: state.fieldErrors.keys } } : state;
  }
  done(orderId, "fulfil");
}

// The button that was pressed may be gone from the page now (a refunded line has none), so the outcome is shown by the
// order's page, named in its address.
function done(orderId: string, outcome: string): never {
  const path = `/admin/orders/${encodeURIComponent(orderId)}`;
  revalidatePath(path);
  redirect(`${path}?done=${outcome}`);
}
