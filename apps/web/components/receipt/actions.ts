"use server";

import { revalidatePath } from "next/cache";
import {
  claimOrderKey,
  claimReceiptKey,
  refundOrderLine,
  refundReceiptLine,
  revealOrderKey,
  revealReceiptKey,
  type ClaimBody,
} from "@/lib/bff/checkout";
import { BffError } from "@/lib/bff/request";
import { problemState, tooManyAttempts, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";
import type { RevealedKey, RevealState } from "@/lib/orders/types";

// Each reveal is recorded by the store, so it happens only on the shopper's click, never while rendering.

export async function revealOrderKeyAction(_: RevealState, form: FormData): Promise<RevealState> {
  return reveal(revealOrderKey(text(form, "orderId"), text(form, "keyId")));
}

export async function revealReceiptKeyAction(_: RevealState, form: FormData): Promise<RevealState> {
  return reveal(revealReceiptKey(text(form, "token"), text(form, "keyId")));
}

async function reveal(revealing: Promise<RevealedKey>): Promise<RevealState> {
  try {
    return { status: "shown", key: await revealing };
  } catch (error) {
    if (!(error instanceof BffError)) throw error;
    if (error.status === 429) return { status: "error", message: tooManyAttempts };
    if (error.status === 401) return { status: "error", message: "Please sign in again to see this key." };
    if (error.status === 404) return { status: "error", message: "This key is not available here. Reload the page and try again." };
    throw error;
  }
}

// One click, to PayPal: the store refuses a key that was revealed, so the answer says why when it cannot.
export async function refundOrderLineAction(_: FormState, form: FormData): Promise<FormState> {
  return refund(refundOrderLine(text(form, "orderId"), text(form, "lineId")), form);
}

export async function refundReceiptLineAction(_: FormState, form: FormData): Promise<FormState> {
  return refund(refundReceiptLine(text(form, "token"), text(form, "lineId")), form);
}

async function refund(refunding: Promise<void>, form: FormData): Promise<FormState> {
  try {
    await refunding;
  } catch (error) {
    if (error instanceof BffError && error.status === 409) {
      return { status: "error", message: error.problem.detail ?? "This key cannot be refunded in one click." };
    }
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  return { status: "done", message: "Refunded to your PayPal account. It can take a few days to show there." };
}

// A revealed key that does not work: the store checks the reason and the words, and takes one claim per key.
export async function claimOrderKeyAction(_: FormState, form: FormData): Promise<FormState> {
  return claim((body) => claimOrderKey(text(form, "orderId"), text(form, "keyId"), body), form);
}

export async function claimReceiptKeyAction(_: FormState, form: FormData): Promise<FormState> {
  return claim((body) => claimReceiptKey(text(form, "token"), text(form, "keyId"), body), form);
}

async function claim(send: (body: ClaimBody) => Promise<void>, form: FormData): Promise<FormState> {
  try {
    await send({ reason: text(form, "reason"), message: text(form, "message") });
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  return { status: "done", message: "Thank you: we are looking into it and will answer by email and on this page." };
}
