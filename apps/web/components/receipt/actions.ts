"use server";

import { revealOrderKey, revealReceiptKey } from "@/lib/bff/checkout";
import { BffError } from "@/lib/bff/request";
import { tooManyAttempts, text } from "@/lib/forms/problem";
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
