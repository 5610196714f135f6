"use server";

import { redirect } from "next/navigation";
import { getCart } from "@/lib/bff/cart";
import { startCheckout } from "@/lib/bff/checkout";
import { BffError } from "@/lib/bff/request";
import { problemState, text, typed } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

// The review page's "Pay with PayPal": the BFF makes the order from the cart as it prices it, then the shopper goes to
// PayPal. Only a guest's form has an email field; signed in, the BFF uses the account's email.
export async function startCheckoutAction(_: FormState, form: FormData): Promise<FormState> {
  let approveUrl: string;
  try {
    ({ approveUrl } = await startCheckout(form.has("email") ? text(form, "email").trim() : undefined));
  } catch (error) {
    if (emptiedCart(error)) redirect("/cart");
    return { ...(await refusal(error, form)), values: typed(form) };
  }
  redirect(approveUrl);
}

// The cart was emptied in another tab since the review page loaded.
function emptiedCart(error: unknown): boolean {
  return error instanceof BffError && error.status === 409 && !error.problem.errors?.lines && /empty/i.test(error.problem.title ?? "");
}

async function refusal(error: unknown, form: FormData): Promise<FormState> {
  if (!(error instanceof BffError) || (error.status !== 409 && error.status !== 503)) return problemState(error, form);
  if (error.status === 503) {
    return { status: "error", message: "Payment could not be started just now. Your cart is kept: please try again in a minute." };
  }
  const lines = await lineNames(error.problem.errors?.lines ?? []);
  return { status: "error", message: error.problem.title ?? "Some games in your cart cannot be bought right now.", fieldErrors: { lines } };
}

// The BFF may name lines by slug; the shopper knows them by title.
async function lineNames(lines: string[]): Promise<string[]> {
  if (lines.length === 0) return [];
  const titles = new Map((await getCart())?.lines.map((line) => [line.slug, line.title]));
  return lines.map((line) => titles.get(line) ?? line);
}
